package fr.aed.station.app.sheet;

import java.io.IOException;

/** Renders the intervention sheet as a PDF document. */
public interface SheetRenderer {

  /**
   * Renders the sheet.
   *
   * @return the PDF bytes
   * @throws IOException if the PDF cannot be produced (font missing...)
   */
  byte[] render(InterventionSheet sheet) throws IOException;
}
