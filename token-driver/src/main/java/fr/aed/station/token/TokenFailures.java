package fr.aed.station.token;

import fr.aed.station.token.apdu.ApduException;
import fr.aed.station.token.apdu.CardGoneException;
import fr.aed.station.token.apdu.StatusWord;
import java.util.Optional;

/**
 * The one place where a token failure is classified: its kind and arguments, for every backend.
 * What the officer reads is chosen from them by the application.
 */
public final class TokenFailures {

  // Bounds the walk down a chain of causes, in case one refers back to itself.
  private static final int MAX_CAUSES = 16;

  private TokenFailures() {}

  /**
   * The kind and arguments of {@code failure}, or of the first of its causes of a known kind; else
   * {@link TokenFailure#OTHER} with the failure's own message.
   */
  public static ClassifiedFailure classify(Throwable failure) {
    int depth = 0;
    for (Throwable e = failure; e != null && depth < MAX_CAUSES; e = e.getCause(), depth++) {
      Optional<ClassifiedFailure> known = known(e);
      if (known.isPresent()) {
        return known.get();
      }
    }
    return ClassifiedFailure.of(TokenFailure.OTHER, failure.getMessage());
  }

  private static Optional<ClassifiedFailure> known(Throwable e) {
    if (e instanceof SelfClassifiedFailure self) {
      return Optional.of(self.classified());
    }
    if (e instanceof ApduException apdu) {
      return fromStatusWord(apdu.statusWord());
    }
    return Optional.ofNullable(fromException(e));
  }

  private static ClassifiedFailure fromException(Throwable e) {
    if (e instanceof WrongPinException wrong) {
      // PKCS#11 modules tell no count of tries left (-1): no argument then.
      return wrong.triesLeft() < 0
          ? ClassifiedFailure.of(TokenFailure.WRONG_PIN)
          : ClassifiedFailure.of(TokenFailure.WRONG_PIN, wrong.triesLeft());
    }
    if (e instanceof PinBlockedException) {
      return ClassifiedFailure.of(TokenFailure.PIN_BLOCKED);
    }
    if (e instanceof CardRemovedException || e instanceof CardGoneException) {
      return ClassifiedFailure.of(TokenFailure.CARD_REMOVED);
    }
    if (e instanceof TokenFullException) {
      return ClassifiedFailure.of(TokenFailure.TOKEN_FULL);
    }
    if (e instanceof UnsupportedKeyTypeException unsupported) {
      return unsupported(unsupported);
    }
    if (e instanceof ModuleNotFoundException missing) {
      return ClassifiedFailure.of(TokenFailure.MODULE_NOT_FOUND, missing.module());
    }
    if (e instanceof LoginRequiredException login) {
      return ClassifiedFailure.of(
          login.pinPresented() ? TokenFailure.KEY_REFUSED_AFTER_PIN : TokenFailure.LOGIN_REQUIRED);
    }
    if (e instanceof ManagementKeyRefusedException refused) {
      return ClassifiedFailure.of(
          refused.supplied()
              ? TokenFailure.MANAGEMENT_KEY_REFUSED
              : TokenFailure.MANAGEMENT_KEY_NOT_GIVEN);
    }
    if (e instanceof AttestationMismatchException) {
      return ClassifiedFailure.of(TokenFailure.ATTESTATION_MISMATCH);
    }
    return null;
  }

  private static ClassifiedFailure unsupported(UnsupportedKeyTypeException e) {
    if (e.requested().isEmpty() || e.supported().isEmpty()) {
      return ClassifiedFailure.of(TokenFailure.ALGORITHM_UNSUPPORTED);
    }
    return ClassifiedFailure.of(
        TokenFailure.ALGORITHM_UNSUPPORTED,
        e.requested().get().id(),
        String.join(", ", e.supported().get().stream().map(KeyType::id).sorted().toList()));
  }

  private static Optional<ClassifiedFailure> fromStatusWord(int sw) {
    if (StatusWord.isVerifyFailed(sw)) {
      // 63C0: the last try was spent (SP 800-73-4, part 2, 3.2.1).
      return Optional.of(
          (sw & 0x0F) == 0
              ? ClassifiedFailure.of(TokenFailure.PIN_BLOCKED)
              : ClassifiedFailure.of(TokenFailure.WRONG_PIN, sw & 0x0F));
    }
    TokenFailure kind =
        switch (sw) {
          case StatusWord.SW_AUTHENTICATION_BLOCKED -> TokenFailure.PIN_BLOCKED;
          case StatusWord.SW_FILE_FULL -> TokenFailure.TOKEN_FULL;
          case StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED -> TokenFailure.LOGIN_REQUIRED;
          default -> null;
        };
    return Optional.ofNullable(kind).map(k -> ClassifiedFailure.of(k));
  }
}
