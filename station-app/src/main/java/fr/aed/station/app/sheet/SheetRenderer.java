package fr.aed.station.app.sheet;

import java.io.IOException;
import java.util.List;

/** Renders the intervention sheet as a PDF document. */
public interface SheetRenderer {

  /**
   * Renders the sheet with files attached inside it (the request, the evidence manifest...).
   *
   * @return the PDF bytes
   * @throws IOException if the PDF cannot be produced (font missing...)
   */
  byte[] render(InterventionSheet sheet, List<SheetAttachment> attachments) throws IOException;

  /**
   * Renders the sheet alone.
   *
   * @throws IOException if the PDF cannot be produced
   */
  default byte[] render(InterventionSheet sheet) throws IOException {
    return render(sheet, List.of());
  }
}
