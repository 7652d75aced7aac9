package fr.aed.station.crypto.cmp;

/** An exchange with the certificate authority failed; the kind says how, the message what. */
public final class CmpException extends Exception {

  /** What went wrong. */
  public enum Kind {
    /** The connection was refused, the host is unknown or the exchange broke off. */
    UNREACHABLE,
    /** No connection or no answer within the endpoint's timeout. */
    TIMEOUT,
    /**
     * The answer's protection is missing or does not verify, or the station could not protect its
     * own message (the cause then says why, such as the officer's card failing to sign).
     */
    BAD_PROTECTION,
    /** The answer belongs to another transaction. */
    WRONG_TRANSACTION,
    /** The answer does not answer the message just sent: a replayed or misdirected answer. */
    WRONG_NONCE,
    /** The answer is not a CMP message, or not the one expected here. */
    MALFORMED,
    /** The authority answered with a CMP error message. */
    CA_ERROR,
    /** The HTTP status is not 200, or the content is not application/pkixcmp. */
    HTTP_ERROR
  }

  private final Kind kind;

  /**
   * @param message what was wrong, in English, naming the CA's address or the field at fault
   */
  public CmpException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CmpException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
