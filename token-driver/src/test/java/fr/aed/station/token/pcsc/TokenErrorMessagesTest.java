package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.apdu.ApduException;
import fr.aed.station.token.apdu.CardGoneException;
import fr.aed.station.token.apdu.StatusWord;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenErrorMessagesTest {

  @Test
  void wrongPinTellsTheTriesLeftInBothLanguages() {
    TokenErrorMessage message = TokenErrorMessages.describe(new WrongPinException(2));

    assertEquals(TokenError.WRONG_PIN, message.error());
    assertEquals("Code PIN erroné : il reste 2 essai(s).", message.in(Locale.FRANCE));
    assertEquals("Wrong PIN: 2 tries left.", message.in(Locale.ENGLISH));
  }

  @Test
  void aWrongPinWithoutACountOfTriesIsSaidWithoutOne() {
    TokenErrorMessage message = TokenErrorMessages.describe(new WrongPinException(-1));

    assertEquals(TokenError.WRONG_PIN, message.error());
    assertEquals("Code PIN erroné.", message.in(Locale.FRANCE));
    assertEquals("Wrong PIN.", message.in(Locale.ENGLISH));
  }

  @Test
  void eachFailureIsClassifiedOnce() {
    assertEquals(TokenError.PIN_BLOCKED, kind(new PinBlockedException()));
    assertEquals(
        TokenError.CARD_REMOVED,
        kind(new CardRemovedException("gone", new CardGoneException("pulled", null))));
    assertEquals(
        TokenError.ALGORITHM_UNSUPPORTED, kind(new UnsupportedKeyTypeException(KeyType.P384)));
    assertEquals(TokenError.TOKEN_FULL, kind(refused(StatusWord.SW_FILE_FULL)));
    assertEquals(
        TokenError.LOGIN_REQUIRED, kind(refused(StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED)));
    assertEquals(TokenError.PIN_BLOCKED, kind(refused(StatusWord.SW_AUTHENTICATION_BLOCKED)));
    assertEquals(TokenError.NO_READER, kind(new NoReaderException("Omnikey", List.of())));
    assertEquals(TokenError.NO_CARD, kind(new NoCardException("Reader 00 00")));
    assertEquals(
        TokenError.SERVICE_DOWN, kind(new PcscServiceDownException("SCARD_E_NO_SERVICE", null)));
    assertEquals(TokenError.OTHER, kind(new TokenException("something odd")));
  }

  @Test
  void aBackendCanStateAMissingModuleItself() {
    class ModuleMissing extends TokenException implements LocalizedTokenFailure {
      ModuleMissing() {
        super("no module");
      }

      @Override
      public TokenErrorMessage localizedMessage() {
        return TokenErrorMessage.of(TokenError.MODULE_NOT_FOUND, "/usr/lib/none.so");
      }
    }

    assertEquals(
        "Module PKCS#11 introuvable : /usr/lib/none.so.",
        TokenErrorMessages.message(new ModuleMissing(), Locale.FRENCH));
  }

  @Test
  void theServiceDownMessageNamesPcscd() {
    PcscServiceDownException down = new PcscServiceDownException("SCARD_E_NO_SERVICE", null);

    assertEquals(
        "Le service PC/SC (pcscd) ne répond pas : SCARD_E_NO_SERVICE.",
        TokenErrorMessages.message(down, Locale.FRENCH));
    assertEquals("PC/SC service not running: SCARD_E_NO_SERVICE.", down.getMessage());
  }

  @Test
  void noReaderListsTheReadersPresent() {
    NoReaderException missing = new NoReaderException("Omnikey", List.of("A 00 00", "B 00 01"));

    assertEquals(
        "Aucun lecteur ne correspond à « Omnikey » ; lecteurs présents : A 00 00, B 00 01.",
        missing.localizedMessage().in(Locale.FRENCH));
  }

  private static TokenException refused(int sw) {
    return new TokenException("refused", new ApduException(sw));
  }

  private static TokenError kind(Throwable failure) {
    return TokenErrorMessages.describe(failure).error();
  }
}
