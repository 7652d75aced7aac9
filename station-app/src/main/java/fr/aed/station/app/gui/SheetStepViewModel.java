package fr.aed.station.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sheet step: the produced sheet's pages, rendered off the interface thread for the holder to
 * read, and the holder's signature as drawn on the pad, stroke by stroke.
 */
public final class SheetStepViewModel {

  /** The signature pad's size, in pixels: the picture attached has this size. */
  public static final int PAD_WIDTH = 480;

  public static final int PAD_HEIGHT = 160;

  // 90 dots per inch: an A4 page is about 744 pixels wide, sharp once shown a little smaller.
  private static final float PREVIEW_SCALE = 1.25f;

  private final StationContext context;
  private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
  private final BooleanProperty rendering = new SimpleBooleanProperty();
  private final StringProperty previewMessage = new SimpleStringProperty("");
  private final List<List<SignaturePicture.Point>> strokes = new ArrayList<>();
  private final ReadOnlyBooleanWrapper signatureDrawn = new ReadOnlyBooleanWrapper();
  private boolean attached;

  SheetStepViewModel(StationContext context) {
    this.context = context;
  }

  /** The sheet's pages, in order, once rendered. */
  public ObservableList<BufferedImage> pages() {
    return pages;
  }

  public BooleanProperty renderingProperty() {
    return rendering;
  }

  public StringProperty previewMessageProperty() {
    return previewMessage;
  }

  /** Whether the pad holds at least one stroke. */
  public ReadOnlyBooleanProperty signatureDrawnProperty() {
    return signatureDrawn.getReadOnlyProperty();
  }

  /** Renders the sheet's pages off the interface thread. */
  void preview(Path sheet) {
    rendering.set(true);
    previewMessage.set(Texts.get("sheet.rendering"));
    context.background().execute(() -> render(sheet));
  }

  private void render(Path sheet) {
    try {
      List<BufferedImage> rendered = SheetPreview.pages(Files.readAllBytes(sheet), PREVIEW_SCALE);
      context.ui().execute(() -> shown(rendered, Texts.get("sheet.pages", rendered.size())));
    } catch (IOException | RuntimeException e) {
      context.ui().execute(() -> shown(List.of(), Texts.get("sheet.unreadable", e.getMessage())));
    }
  }

  private void shown(List<BufferedImage> rendered, String message) {
    pages.setAll(rendered);
    previewMessage.set(message);
    rendering.set(false);
  }

  /** The pen touches the pad at (x, y): a new stroke begins. */
  public void startStroke(double x, double y) {
    List<SignaturePicture.Point> stroke = new ArrayList<>();
    stroke.add(onPad(x, y));
    strokes.add(stroke);
    signatureDrawn.set(true);
  }

  /** The pen moves to (x, y) on the pad. */
  public void extendStroke(double x, double y) {
    if (strokes.isEmpty()) {
      startStroke(x, y);
    } else {
      strokes.get(strokes.size() - 1).add(onPad(x, y));
    }
  }

  /** Wipes the pad. */
  public void clearSignature() {
    strokes.clear();
    signatureDrawn.set(false);
  }

  /** The signature as drawn, as a PNG picture of the pad. */
  byte[] signaturePng() {
    return SignaturePicture.png(strokes, PAD_WIDTH, PAD_HEIGHT);
  }

  /** Whether the holder's signature is attached to the sheet already (a retry skips it). */
  boolean attached() {
    return attached;
  }

  void markAttached() {
    attached = true;
  }

  private static SignaturePicture.Point onPad(double x, double y) {
    return new SignaturePicture.Point(
        Math.max(0, Math.min(PAD_WIDTH, x)), Math.max(0, Math.min(PAD_HEIGHT, y)));
  }
}
