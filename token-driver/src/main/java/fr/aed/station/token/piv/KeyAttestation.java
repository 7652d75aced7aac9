package fr.aed.station.token.piv;

import fr.aed.station.token.AttestationMismatchException;
import fr.aed.station.token.TokenException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A card's attestation of a key it generated, checked: the attestation certificate names the very
 * public key the card reported at generation, and is signed by the card's attestation key, whose
 * certificate (object 5FFF01) comes with it. Whether that certificate chains to the card maker's
 * root is for whoever trusts that maker: the chain is recorded for them.
 *
 * @param keyCertificate the certificate the card issued for the key
 * @param attestationKeyCertificate the certificate of the card's attestation key
 */
public record KeyAttestation(
    X509Certificate keyCertificate, X509Certificate attestationKeyCertificate) {

  /** The record's words when the card gives no attestation. */
  static final String NONE = " ; le support ne fournit pas d'attestation de la clé";

  /**
   * Asks the card to attest the key in {@code slot} and checks it names {@code reported}.
   *
   * @return empty when the card has no attestation command or no attestation key
   * @throws AttestationMismatchException if the attestation names another key or does not verify
   * @throws TokenException if the card refuses or fails
   */
  static Optional<KeyAttestation> read(PivSession session, PivSlot slot, PublicKey reported)
      throws TokenException {
    Optional<X509Certificate> attested = session.attest(slot);
    if (attested.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate signer =
        session
            .attestationCertificate()
            .orElseThrow(
                () ->
                    new AttestationMismatchException(
                        "the card attests keys but holds no attestation key certificate"));
    KeyAttestation attestation = new KeyAttestation(attested.get(), signer);
    attestation.check(reported);
    return Optional.of(attestation);
  }

  /**
   * Checks that this attestation vouches for {@code reported}.
   *
   * @throws AttestationMismatchException if it names another key or its signature does not verify
   */
  public void check(PublicKey reported) throws AttestationMismatchException {
    if (!Arrays.equals(keyCertificate.getPublicKey().getEncoded(), reported.getEncoded())) {
      throw new AttestationMismatchException(
          "the card's attestation names another public key than the one the card reported");
    }
    try {
      keyCertificate.verify(attestationKeyCertificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new AttestationMismatchException(
          "the card's attestation does not verify with its attestation key certificate: "
              + e.getMessage());
    }
  }

  /** The attestation as a chain: the key's certificate, then the attestation key's. */
  public List<X509Certificate> chain() {
    return List.of(keyCertificate, attestationKeyCertificate);
  }

  /** The record's words (French), to follow the generation's. */
  String description() {
    return " ; attestation du support vérifiée : la clé publique de la demande est celle que"
        + " certifie la clé d'attestation du support ("
        + attestationKeyCertificate.getSubjectX500Principal().getName()
        + ")";
  }
}
