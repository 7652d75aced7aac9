package fr.aed.station.crypto.cmp;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One enrollment with the certificate authority, as plain strings so that it can be stored and
 * polled later, from another process. Each answer carries the transaction to use next: store the
 * latest.
 *
 * @param transactionIdHex the transactionID the station chose, in hexadecimal
 * @param certReqId the certReqId the authority used in its answer (0 or -1 for a p10cr)
 * @param caNonceHex the senderNonce of the authority's last answer, in hexadecimal, which the next
 *     message returns as its recipNonce (RFC 4210 5.1.1, RFC 9483 3.1); empty when not known
 */
public record CmpTransaction(String transactionIdHex, int certReqId, String caNonceHex) {

  /**
   * @throws IllegalArgumentException if the transaction ID is empty or either value is not
   *     hexadecimal
   */
  public CmpTransaction {
    Objects.requireNonNull(transactionIdHex, "transactionIdHex");
    Objects.requireNonNull(caNonceHex, "caNonceHex");
    if (transactionIdHex.isEmpty()) {
      throw new IllegalArgumentException("the transaction ID is empty");
    }
    HexFormat.of().parseHex(transactionIdHex);
    HexFormat.of().parseHex(caNonceHex);
  }

  /** A transaction whose authority's last nonce is not known. */
  public CmpTransaction(String transactionIdHex, int certReqId) {
    this(transactionIdHex, certReqId, "");
  }

  byte[] transactionId() {
    return HexFormat.of().parseHex(transactionIdHex);
  }

  /** The authority's last nonce, or null when not known. */
  byte[] caNonce() {
    return caNonceHex.isEmpty() ? null : HexFormat.of().parseHex(caNonceHex);
  }
}
