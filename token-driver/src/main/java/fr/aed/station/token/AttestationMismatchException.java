package fr.aed.station.token;

/**
 * The card's attestation does not vouch for the key it reported: it names another public key, or
 * its signature does not verify with the card's attestation certificate. The key must not be used.
 */
public class AttestationMismatchException extends TokenException {

  public AttestationMismatchException(String message) {
    super(message);
  }
}
