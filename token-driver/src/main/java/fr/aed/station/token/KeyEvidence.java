package fr.aed.station.token;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the token itself says about where a private key came from: the evidence, recorded with the
 * request, that the key was generated on the token and cannot leave it (a PKCS#10 request only
 * proves possession of the key).
 *
 * @param generatedOnToken whether the token generated the key (PKCS#11 {@code CKA_LOCAL}, or a PIV
 *     key generated in this session)
 * @param neverExtractable the key has never been extractable ({@code CKA_NEVER_EXTRACTABLE})
 * @param sensitive the key's secret value cannot be read ({@code CKA_SENSITIVE})
 * @param alwaysSensitive the key has always been sensitive ({@code CKA_ALWAYS_SENSITIVE})
 * @param local the token reports the key as created on it ({@code CKA_LOCAL})
 * @param description the evidence in words, for the record of the meeting (French)
 * @param attestation the card's attestation of the key, checked: the certificate for the key, then
 *     the card's attestation key certificate that signed it; empty when the token has none
 */
public record KeyEvidence(
    boolean generatedOnToken,
    boolean neverExtractable,
    boolean sensitive,
    boolean alwaysSensitive,
    boolean local,
    String description,
    List<X509Certificate> attestation) {

  public KeyEvidence {
    attestation = List.copyOf(attestation);
  }

  /** Evidence without an attestation. */
  public KeyEvidence(
      boolean generatedOnToken,
      boolean neverExtractable,
      boolean sensitive,
      boolean alwaysSensitive,
      boolean local,
      String description) {
    this(
        generatedOnToken,
        neverExtractable,
        sensitive,
        alwaysSensitive,
        local,
        description,
        List.of());
  }

  /** Whether every flag says the key was born on the token and never left it. */
  public boolean provesOnTokenGeneration() {
    return generatedOnToken && neverExtractable && sensitive && alwaysSensitive && local;
  }
}
