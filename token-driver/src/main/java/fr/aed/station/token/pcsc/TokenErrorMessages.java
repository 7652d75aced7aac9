package fr.aed.station.token.pcsc;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.apdu.ApduException;
import fr.aed.station.token.apdu.CardGoneException;
import fr.aed.station.token.apdu.StatusWord;
import java.util.Locale;

/**
 * The one place where a token failure becomes words for the officer: each failure is classified as
 * a {@link TokenError} and given its French and English message.
 */
public final class TokenErrorMessages {

  // Bounds the walk down a chain of causes, in case one refers back to itself.
  private static final int MAX_CAUSES = 16;

  private TokenErrorMessages() {}

  /** The failure's kind and messages; {@link TokenError#OTHER} with its message when unknown. */
  public static TokenErrorMessage describe(Throwable failure) {
    int depth = 0;
    for (Throwable e = failure; e != null && depth < MAX_CAUSES; e = e.getCause(), depth++) {
      TokenErrorMessage known = classify(e);
      if (known != null) {
        return known;
      }
    }
    return TokenErrorMessage.of(TokenError.OTHER, String.valueOf(failure.getMessage()));
  }

  /** The failure's message in the officer's language (French, else English). */
  public static String message(Throwable failure, Locale locale) {
    return describe(failure).in(locale);
  }

  private static TokenErrorMessage classify(Throwable e) {
    if (e instanceof LocalizedTokenFailure localized) {
      return localized.localizedMessage();
    }
    if (e instanceof WrongPinException wrong) {
      // PKCS#11 modules tell no count of tries left (-1): say the PIN is wrong, no count.
      return wrong.triesLeft() < 0
          ? new TokenErrorMessage(TokenError.WRONG_PIN, "Code PIN erroné.", "Wrong PIN.")
          : TokenErrorMessage.of(TokenError.WRONG_PIN, wrong.triesLeft());
    }
    if (e instanceof PinBlockedException) {
      return TokenErrorMessage.of(TokenError.PIN_BLOCKED);
    }
    if (e instanceof CardRemovedException || e instanceof CardGoneException) {
      return TokenErrorMessage.of(TokenError.CARD_REMOVED);
    }
    if (e instanceof UnsupportedKeyTypeException) {
      return TokenErrorMessage.of(TokenError.ALGORITHM_UNSUPPORTED);
    }
    if (e instanceof ApduException apdu) {
      return fromStatusWord(apdu.statusWord());
    }
    return null;
  }

  private static TokenErrorMessage fromStatusWord(int sw) {
    if (StatusWord.isVerifyFailed(sw)) {
      // 63C0: the last try was spent (SP 800-73-4, part 2, 3.2.1).
      return (sw & 0x0F) == 0
          ? TokenErrorMessage.of(TokenError.PIN_BLOCKED)
          : TokenErrorMessage.of(TokenError.WRONG_PIN, sw & 0x0F);
    }
    return switch (sw) {
      case StatusWord.SW_AUTHENTICATION_BLOCKED -> TokenErrorMessage.of(TokenError.PIN_BLOCKED);
      case StatusWord.SW_FILE_FULL -> TokenErrorMessage.of(TokenError.TOKEN_FULL);
      case StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED ->
          TokenErrorMessage.of(TokenError.LOGIN_REQUIRED);
      default -> null;
    };
  }
}
