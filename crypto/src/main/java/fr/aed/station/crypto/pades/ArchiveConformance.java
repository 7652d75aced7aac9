package fr.aed.station.crypto.pades;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF against the PDF/A level it claims, with veraPDF (the PDF Association's reference
 * validator), so that an archived sheet is known to stay readable.
 */
public final class ArchiveConformance {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private ArchiveConformance() {}

  /**
   * The verdict of veraPDF on the flavour the PDF claims in its metadata. Never throws: a file that
   * cannot be parsed is a non-compliant verdict saying so.
   */
  public static ArchiveVerdict check(byte[] pdf) {
    try (PDFAParser parser =
        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
      ValidationResult result = validator.validate(parser);
      String flavour = "PDF/A-" + result.getPDFAFlavour().getId().toUpperCase();
      List<String> failures =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
              .distinct()
              .toList();
      return new ArchiveVerdict(flavour, result.isCompliant(), failures);
    } catch (Exception e) {
      // veraPDF signals unreadable input with several unrelated exception types.
      return new ArchiveVerdict("none", false, List.of("cannot be read as PDF/A: " + e));
    }
  }

  /**
   * What veraPDF said.
   *
   * @param flavour the PDF/A level claimed, such as PDF/A-3B
   * @param compliant whether the file meets it
   * @param failures the rules broken, clause and message
   */
  public record ArchiveVerdict(String flavour, boolean compliant, List<String> failures) {

    /** "PDF/A-3B compliant", or the flavour and the failed rules. */
    public String summary() {
      return compliant
          ? flavour + " compliant"
          : flavour + " not compliant: " + String.join("; ", failures);
    }
  }
}
