package fr.aed.station.app.sheet;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, run on a PDF in memory. */
final class VeraPdf {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private VeraPdf() {}

  /**
   * Validates against the flavour the PDF claims in its metadata.
   *
   * @return "PDF/A-3B compliant" or the flavour and the failed rules
   */
  static String verdict(byte[] pdf) throws Exception {
    try (PDFAParser parser =
        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
      ValidationResult result = validator.validate(parser);
      String flavour = "PDF/A-" + result.getPDFAFlavour().getId().toUpperCase();
      if (result.isCompliant()) {
        return flavour + " compliant";
      }
      return flavour
          + " not compliant: "
          + result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
              .distinct()
              .collect(Collectors.joining("; "));
    }
  }
}
