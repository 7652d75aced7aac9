package fr.aed.station.app.gui;

import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.device.ReaderSource;
import fr.aed.station.app.sheet.SheetRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;

/**
 * What every view model of the window shares.
 *
 * @param databaseFile the station's database
 * @param outputRoot where each meeting's folder is created
 * @param sheetRenderer renders the intervention sheet
 * @param clock the meeting's time
 * @param background runs card, PDF and database work (a thread pool; same thread in tests)
 * @param ui runs property updates (the FX thread; same thread in tests)
 * @param dialogs file choice and opening
 * @param testersMode whether the simulated card and the demonstration officer card are offered
 * @param readers the card readers the token step watches
 * @param officer the officer's card opened at sign-in, for the session
 */
public record StationContext(
    Path databaseFile,
    Path outputRoot,
    SheetRenderer sheetRenderer,
    Clock clock,
    Executor background,
    Executor ui,
    DialogService dialogs,
    boolean testersMode,
    ReaderSource readers,
    OfficerSession officer) {

  /** A context whose officer has not signed in (tests, the sign-in screen itself). */
  public StationContext(
      Path databaseFile,
      Path outputRoot,
      SheetRenderer sheetRenderer,
      Clock clock,
      Executor background,
      Executor ui,
      DialogService dialogs,
      boolean testersMode,
      ReaderSource readers) {
    this(
        databaseFile,
        outputRoot,
        sheetRenderer,
        clock,
        background,
        ui,
        dialogs,
        testersMode,
        readers,
        new OfficerSession());
  }

  /** A context watching the system's PC/SC readers. */
  public StationContext(
      Path databaseFile,
      Path outputRoot,
      SheetRenderer sheetRenderer,
      Clock clock,
      Executor background,
      Executor ui,
      DialogService dialogs,
      boolean testersMode) {
    this(
        databaseFile,
        outputRoot,
        sheetRenderer,
        clock,
        background,
        ui,
        dialogs,
        testersMode,
        ReaderSource.system());
  }

  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  /**
   * The document catalogue of the station's data folder: the certificate authority's when it gave
   * one, else the station's own.
   *
   * @throws CatalogueException if the authority's file is broken (never silently replaced)
   */
  public DocumentCatalogue documentCatalogue() throws CatalogueException {
    return DocumentCatalogue.besideDatabase(databaseFile);
  }

  /** A new folder name under the output root for one meeting's files. */
  Path newOutputFolder() {
    return outputRoot.resolve(LocalDateTime.now(clock).format(FOLDER) + "-" + System.nanoTime());
  }
}
