package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import java.awt.image.BufferedImage;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** The sheet step's page: the sheet's preview beside the holder's signature pad. */
final class SheetPages {

  private static final double PREVIEW_WIDTH = 500;

  private SheetPages() {}

  static Node sheet(MeetingWizardViewModel model) {
    SheetStepViewModel sheet = model.sheet();
    // The pad's column keeps the pad's width, its texts wrapped; the preview takes the rest.
    VBox signing = signing(model);
    signing.setMinWidth(SheetStepViewModel.PAD_WIDTH + 8);
    signing.setPrefWidth(SheetStepViewModel.PAD_WIDTH + 8);
    signing.setMaxWidth(SheetStepViewModel.PAD_WIDTH + 8);
    Forms.wrapTexts(signing);
    return new HBox(16, preview(sheet), signing);
  }

  // The preview fits the width it is given, times the officer's zoom (1 = fit to the width).
  static Node preview(SheetStepViewModel sheet) {
    VBox pages = new VBox(8);
    pages.setId("sheet-pages");
    pages.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(pages);
    scroll.setId("sheet-preview");
    scroll.setPrefViewportWidth(PREVIEW_WIDTH + 10);
    scroll.setMinWidth(PREVIEW_WIDTH / 2);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    DoubleProperty zoom = new SimpleDoubleProperty(1);
    DoubleBinding pageWidth =
        Bindings.createDoubleBinding(
            () -> Math.max(100, (scroll.getViewportBounds().getWidth() - 10) * zoom.get()),
            scroll.viewportBoundsProperty(),
            zoom);
    sheet
        .pages()
        .addListener(
            (ListChangeListener<BufferedImage>)
                change ->
                    pages
                        .getChildren()
                        .setAll(
                            sheet.pages().stream()
                                .map(page -> pageView(page, pageWidth))
                                .toList()));
    Label status = new Label();
    status.setId("preview-status");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.textProperty().bind(sheet.previewMessageProperty());
    Label title = new Label(Texts.get("sheet.preview"));
    title.setMinWidth(Region.USE_PREF_SIZE);
    HBox heading = new HBox(6, title, zoomButtons(zoom));
    heading.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, heading, scroll, status);
    HBox.setHgrow(box, Priority.ALWAYS);
    return box;
  }

  private static Node zoomButtons(DoubleProperty zoom) {
    Button out = zoomButton("sheet-zoom-out", "−", "sheet.zoom-out");
    out.setOnAction(event -> zoom.set(Math.max(0.5, zoom.get() / 1.25)));
    Button fit = zoomButton("sheet-zoom-fit", "↔", "sheet.zoom-fit");
    fit.setOnAction(event -> zoom.set(1));
    Button in = zoomButton("sheet-zoom-in", "+", "sheet.zoom-in");
    in.setOnAction(event -> zoom.set(Math.min(4, zoom.get() * 1.25)));
    return new HBox(4, out, fit, in);
  }

  private static Button zoomButton(String id, String symbol, String key) {
    Button button = new Button(symbol);
    button.setId(id);
    button.setTooltip(new Tooltip(Texts.get(key)));
    button.setAccessibleText(Texts.get(key));
    button.setMinWidth(Region.USE_PREF_SIZE);
    return button;
  }

  // PDFBox renders into an AWT image; its pixels are copied as they are into a JavaFX image.
  private static ImageView pageView(BufferedImage rendered, DoubleBinding fitWidth) {
    int width = rendered.getWidth();
    int height = rendered.getHeight();
    WritableImage image = new WritableImage(width, height);
    image
        .getPixelWriter()
        .setPixels(
            0,
            0,
            width,
            height,
            PixelFormat.getIntArgbInstance(),
            rendered.getRGB(0, 0, width, height, null, 0, width),
            0,
            width);
    ImageView view = new ImageView(image);
    view.fitWidthProperty().bind(fitWidth);
    view.setPreserveRatio(true);
    view.setSmooth(true);
    return view;
  }

  private static VBox signing(MeetingWizardViewModel model) {
    SheetStepViewModel sheet = model.sheet();
    Canvas pad = pad(sheet);
    StackPane frame = new StackPane(pad);
    frame.getStyleClass().add("signature-pad");
    frame.setMaxWidth(SheetStepViewModel.PAD_WIDTH + 4);
    Button clear = new Button(Texts.get("sheet.clear"));
    clear.setId("clear-signature");
    clear.disableProperty().bind(sheet.signatureDrawnProperty().not());
    clear.setOnAction(
        event -> {
          sheet.clearSignature();
          wipe(pad);
        });
    Button sign = new Button(Texts.get("sheet.sign"));
    sign.setId("sign-sheet");
    sign.setDefaultButton(true);
    sign.disableProperty()
        .bind(model.run().runningProperty().or(model.run().awaitingSignaturesProperty().not()));
    sign.setOnAction(event -> model.signSheet(false));
    Button onPaper = new Button(Texts.get("sheet.sign-on-paper"));
    onPaper.setId("sign-on-paper");
    onPaper.disableProperty().bind(sign.disableProperty());
    onPaper.setOnAction(event -> model.signSheet(true));
    Button print = new Button(Texts.get("sheet.print"));
    print.setId("print-sheet");
    print.disableProperty().bind(model.run().sheetPathProperty().isNull());
    print.setOnAction(event -> model.printSheet());
    Label onPaperExplanation = new Label(Texts.get("sheet.on-paper-explanation"));
    onPaperExplanation.setWrapText(true);
    onPaperExplanation.getStyleClass().add(Styles.TEXT_SMALL);
    ProgressIndicator indicator = new ProgressIndicator();
    indicator.setPrefSize(24, 24);
    indicator.visibleProperty().bind(model.run().runningProperty());
    Label message = new Label();
    message.setId("sheet-message");
    message.setWrapText(true);
    message.textProperty().bind(model.run().messageProperty());
    Label explanation = new Label(Texts.get("sheet.explanation"));
    explanation.setWrapText(true);
    explanation.getStyleClass().add(Styles.TEXT_SMALL);
    return new VBox(
        10,
        message,
        new Label(Texts.get("sheet.pad")),
        frame,
        clear,
        explanation,
        new HBox(10, sign, indicator),
        onPaper,
        onPaperExplanation,
        print);
  }

  private static Canvas pad(SheetStepViewModel sheet) {
    Canvas pad = new Canvas(SheetStepViewModel.PAD_WIDTH, SheetStepViewModel.PAD_HEIGHT);
    pad.setId("signature-pad");
    wipe(pad);
    GraphicsContext g = pad.getGraphicsContext2D();
    pad.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        event -> {
          sheet.startStroke(event.getX(), event.getY());
          g.beginPath();
          g.moveTo(event.getX(), event.getY());
          g.stroke();
        });
    pad.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        event -> {
          sheet.extendStroke(event.getX(), event.getY());
          g.lineTo(event.getX(), event.getY());
          g.stroke();
        });
    return pad;
  }

  private static void wipe(Canvas pad) {
    GraphicsContext g = pad.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, pad.getWidth(), pad.getHeight());
    g.setStroke(Color.rgb(0x10, 0x20, 0x50));
    g.setLineWidth(2.5);
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
  }
}
