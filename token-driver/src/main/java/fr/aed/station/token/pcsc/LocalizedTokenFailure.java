package fr.aed.station.token.pcsc;

/**
 * A token exception that carries its own message in French and English. {@link TokenErrorMessages}
 * uses it before any other rule, so a backend states its failure once, where it throws it (a
 * PKCS#11 backend can report {@link TokenError#MODULE_NOT_FOUND} this way).
 */
public interface LocalizedTokenFailure {

  /** The failure's kind and messages. */
  TokenErrorMessage localizedMessage();
}
