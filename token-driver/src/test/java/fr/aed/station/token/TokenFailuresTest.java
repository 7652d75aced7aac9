package fr.aed.station.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.token.apdu.ApduException;
import fr.aed.station.token.apdu.CardGoneException;
import fr.aed.station.token.apdu.StatusWord;
import fr.aed.station.token.pcsc.NoCardException;
import fr.aed.station.token.pcsc.NoReaderException;
import fr.aed.station.token.pcsc.PcscServiceDownException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each failure of every backend gets one kind and its arguments; the words are the station's. */
class TokenFailuresTest {

  @Test
  void aWrongPinCarriesTheTriesLeftWhenTheTokenTellsThem() {
    assertEquals(
        ClassifiedFailure.of(TokenFailure.WRONG_PIN, 2),
        TokenFailures.classify(new WrongPinException(2)));
    assertEquals(
        ClassifiedFailure.of(TokenFailure.WRONG_PIN),
        TokenFailures.classify(new WrongPinException(-1)));
    assertEquals(
        ClassifiedFailure.of(TokenFailure.WRONG_PIN, 3), TokenFailures.classify(refused(0x63C3)));
    assertEquals(TokenFailure.PIN_BLOCKED, kind(refused(0x63C0)));
  }

  @Test
  void eachFailureIsClassifiedOnce() {
    assertEquals(TokenFailure.PIN_BLOCKED, kind(new PinBlockedException()));
    assertEquals(
        TokenFailure.CARD_REMOVED,
        kind(new CardRemovedException("gone", new CardGoneException("pulled", null))));
    assertEquals(
        TokenFailure.ALGORITHM_UNSUPPORTED, kind(new UnsupportedKeyTypeException(KeyType.P384)));
    assertEquals(TokenFailure.TOKEN_FULL, kind(refused(StatusWord.SW_FILE_FULL)));
    assertEquals(TokenFailure.TOKEN_FULL, kind(new TokenFullException("full", null)));
    assertEquals(
        TokenFailure.LOGIN_REQUIRED, kind(refused(StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED)));
    assertEquals(TokenFailure.LOGIN_REQUIRED, kind(new LoginRequiredException("verify first")));
    assertEquals(TokenFailure.PIN_BLOCKED, kind(refused(StatusWord.SW_AUTHENTICATION_BLOCKED)));
    assertEquals(TokenFailure.NO_READER, kind(new NoReaderException("Omnikey", List.of())));
    assertEquals(TokenFailure.NO_CARD, kind(new NoCardException("Reader 00 00")));
    assertEquals(
        TokenFailure.SERVICE_DOWN, kind(new PcscServiceDownException("SCARD_E_NO_SERVICE", null)));
    assertEquals(
        ClassifiedFailure.of(TokenFailure.OTHER, "something odd"),
        TokenFailures.classify(new TokenException("something odd")));
  }

  @Test
  void aMissingModuleNamesItsPath() {
    assertEquals(
        ClassifiedFailure.of(TokenFailure.MODULE_NOT_FOUND, "/usr/lib/none.so"),
        TokenFailures.classify(
            new ModuleNotFoundException("/usr/lib/none.so", "no PKCS#11 module", null)));
  }

  @Test
  void aCardThatGeneratesOtherTypesSaysWhichOnes() {
    UnsupportedKeyTypeException unsupported =
        new UnsupportedKeyTypeException(
            KeyType.P384, "this PIV card", Set.of(KeyType.RSA2048, KeyType.P256));

    assertEquals(
        ClassifiedFailure.of(
            TokenFailure.ALGORITHM_UNSUPPORTED,
            KeyType.P384.id(),
            KeyType.P256.id() + ", " + KeyType.RSA2048.id()),
        TokenFailures.classify(unsupported));
  }

  @Test
  void aRefusedManagementKeyIsToldFromOneNotGiven() {
    assertEquals(
        TokenFailure.MANAGEMENT_KEY_REFUSED,
        kind(new ManagementKeyRefusedException("the card refused the management key")));
    assertEquals(
        TokenFailure.MANAGEMENT_KEY_NOT_GIVEN,
        kind(new ManagementKeyRefusedException("not the factory key", false)));
  }

  @Test
  void anAttestationNamingAnotherKeyHasItsOwnKind() {
    assertEquals(
        TokenFailure.ATTESTATION_MISMATCH,
        kind(new AttestationMismatchException("the attestation names another key")));
  }

  @Test
  void aKeyRefusedRightAfterThePinIsNotAPinLeftUnverified() {
    LoginRequiredException refused =
        new LoginRequiredException(
            "refused after the PIN", new LoginRequiredException("the card wants the PIN"), true);

    assertEquals(TokenFailure.KEY_REFUSED_AFTER_PIN, kind(refused));
  }

  @Test
  void aKnownCauseIsFoundUnderAWrapper() {
    assertEquals(
        TokenFailure.WRONG_PIN,
        kind(new IllegalStateException("wrapped", new TokenException("t", refused(0x63C1)))));
  }

  private static TokenException refused(int sw) {
    return new TokenException("refused", new ApduException(sw));
  }

  private static TokenFailure kind(Throwable failure) {
    return TokenFailures.classify(failure).kind();
  }
}
