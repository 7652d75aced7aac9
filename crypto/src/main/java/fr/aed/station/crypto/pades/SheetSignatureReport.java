package fr.aed.station.crypto.pades;

import java.util.List;

/**
 * The signatures found in a PDF, in the order of the file's revisions.
 *
 * @param signatures one check per signature dictionary
 */
public record SheetSignatureReport(List<SignatureCheck> signatures) {

  public SheetSignatureReport {
    signatures = List.copyOf(signatures);
  }

  /**
   * Whether the PDF is signed and its last signature is valid over the whole file, every earlier
   * one verifying over its own revision.
   */
  public boolean valid() {
    if (signatures.isEmpty() || !signatures.get(signatures.size() - 1).valid()) {
      return false;
    }
    return signatures.stream()
        .allMatch(s -> s.signatureVerifies() && s.signingCertificateMatches());
  }
}
