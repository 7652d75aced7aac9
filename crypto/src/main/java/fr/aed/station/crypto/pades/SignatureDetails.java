package fr.aed.station.crypto.pades;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What the signature dictionary says about a signature. The signing time goes in the dictionary's
 * /M entry: PAdES baseline B-B forbids the CMS signing-time attribute (ETSI EN 319 142-1, 5.4).
 *
 * @param signerName the signer's name, as /Name
 * @param reason why the document is signed, as /Reason
 * @param location where it is signed, as /Location
 * @param signingTime when it is signed, as /M
 */
public record SignatureDetails(
    String signerName, String reason, String location, ZonedDateTime signingTime) {

  /**
   * @throws NullPointerException if the signer's name or the signing time is missing
   */
  public SignatureDetails {
    Objects.requireNonNull(signerName, "signerName");
    Objects.requireNonNull(signingTime, "signingTime");
  }
}
