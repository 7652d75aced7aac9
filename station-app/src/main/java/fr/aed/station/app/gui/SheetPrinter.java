package fr.aed.station.app.gui;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints a sheet through the system's printer dialog: PDFBox lays the PDF's pages out for the
 * printer at their own size, so the printed boxes are where the holder signs.
 */
final class SheetPrinter {

  private SheetPrinter() {}

  /**
   * Asks the officer for a printer and prints the PDF there; blocks until the job is sent, so it is
   * called off the interface thread.
   *
   * @return false when the officer cancelled the dialog
   * @throws PrinterException if no printer is installed, or the printer refuses the job
   * @throws IOException if the PDF cannot be read
   */
  static boolean print(byte[] pdf, String jobName) throws PrinterException, IOException {
    if (PrintServiceLookup.lookupPrintServices(null, null).length == 0) {
      throw new PrinterException(Texts.get("dialog.print.no-printer"));
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PrinterJob job = PrinterJob.getPrinterJob();
      job.setJobName(jobName);
      job.setPageable(new PDFPageable(document));
      if (!job.printDialog()) {
        return false;
      }
      job.print();
      return true;
    }
  }
}
