package fr.aed.station.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.AttestationMismatchException;
import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ManagementKeyRefusedException;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.pcsc.NoCardException;
import fr.aed.station.token.pcsc.NoReaderException;
import fr.aed.station.token.pcsc.PcscServiceDownException;
import fr.aed.station.token.pcsc.PcscServiceLostException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The officer's words for each kind of token failure, French first. */
class TokenFailureTextsTest {

  @Test
  void wrongPinTellsTheTriesLeftInBothLanguages() {
    TokenFailureMessage message = TokenFailureTexts.describe(new WrongPinException(2));

    assertEquals(TokenFailure.WRONG_PIN, message.kind());
    assertEquals("Code PIN erroné : il reste 2 essais.", message.in(Locale.FRANCE));
    assertEquals("Wrong PIN: 2 tries left.", message.in(Locale.ENGLISH));
  }

  @Test
  void theTriesLeftAreSaidInTheSingularForOne() {
    TokenFailureMessage message = TokenFailureTexts.describe(new WrongPinException(1));

    assertEquals("Code PIN erroné : il reste 1 essai.", message.in(Locale.FRANCE));
    assertEquals("Wrong PIN: 1 try left.", message.in(Locale.ENGLISH));
  }

  @Test
  void aWrongPinWithoutACountOfTriesIsSaidWithoutOne() {
    TokenFailureMessage message = TokenFailureTexts.describe(new WrongPinException(-1));

    assertEquals(TokenFailure.WRONG_PIN, message.kind());
    assertEquals("Code PIN erroné.", message.in(Locale.FRANCE));
    assertEquals("Wrong PIN.", message.in(Locale.ENGLISH));
  }

  @Test
  void aMissingModuleIsNamed() {
    assertEquals(
        "Le logiciel de ce modèle de carte (module PKCS#11) est introuvable : /usr/lib/none.so.",
        TokenFailureTexts.message(
            new ModuleNotFoundException("/usr/lib/none.so", "no module", null), Locale.FRENCH));
  }

  @Test
  void theServiceDownIsSaidInPlainWordsAndRecordedWithItsCode() {
    PcscServiceDownException down = new PcscServiceDownException("SCARD_E_NO_SERVICE", null);

    assertEquals(
        "Le service des lecteurs de cartes ne répond pas : vérifiez qu'un lecteur est branché ; si"
            + " le problème persiste, redémarrez l'ordinateur ou appelez le support.",
        TokenFailureTexts.message(down, Locale.FRENCH));
    assertTrue(
        TokenFailureTexts.message(down, Locale.ENGLISH)
            .startsWith("The card reader service is not answering"));
    assertEquals(
        "PC/SC service not running: SCARD_E_NO_SERVICE.", TokenFailureTexts.recorded(down));
  }

  @Test
  void pcscdStoppingDuringACommandIsSaidAsSuch() {
    IOException lost =
        new IOException(new PcscServiceLostException("Reader 00 00", "SCARD_E_NO_SERVICE", null));

    assertEquals(
        "Le service des lecteurs de cartes s'est arrêté pendant l'opération sur la carte du lecteur"
            + " Reader 00 00 : attendez qu'il redémarre (ou redémarrez l'ordinateur), puis reprenez"
            + " le rendez-vous.",
        TokenFailureTexts.message(lost, Locale.FRENCH));
    // the record keeps the words and the code it always had (the scripts look for them)
    assertEquals(
        "The PC/SC service (pcscd) stopped during the operation on the card in Reader 00 00"
            + " (SCARD_E_NO_SERVICE): start it again, then take the operation up again.",
        TokenFailureTexts.recorded(lost));
  }

  @Test
  void noReaderListsTheReadersPresent() {
    NoReaderException missing = new NoReaderException("Omnikey", List.of("A 00 00", "B 00 01"));

    assertEquals(
        "Aucun lecteur de cartes ne correspond à « Omnikey » ; lecteurs branchés : A 00 00, B 00 01.",
        TokenFailureTexts.message(missing, Locale.FRENCH));
    assertEquals(
        "No card reader matches “Omnikey”; no reader is plugged in.",
        TokenFailureTexts.message(new NoReaderException("Omnikey", List.of()), Locale.ENGLISH));
  }

  @Test
  void noCardNamesTheReader() {
    assertEquals(
        "Aucune carte dans le lecteur No such simulated reader : insérez la carte.",
        TokenFailureTexts.message(new NoCardException("No such simulated reader"), Locale.FRENCH));
  }

  @Test
  void aCardThatGeneratesOtherTypesSaysWhichOnes() {
    UnsupportedKeyTypeException unsupported =
        new UnsupportedKeyTypeException(
            KeyType.P384, "this PIV card", Set.of(KeyType.RSA2048, KeyType.P256));

    assertEquals(
        "La carte ne sait pas générer de clé p384 ; elle génère : p256, rsa2048.",
        TokenFailureTexts.message(unsupported, Locale.FRENCH));
    assertEquals(
        "The card cannot make p384 keys; it makes: p256, rsa2048.",
        TokenFailureTexts.message(unsupported, Locale.ENGLISH));
    assertEquals(
        "La carte ne sait pas générer ou utiliser ce type de clé.",
        TokenFailureTexts.message(new UnsupportedKeyTypeException(KeyType.P384), Locale.FRENCH));
  }

  @Test
  void aManagementKeyNotGivenSaysHowToGiveIt() {
    String notGiven =
        TokenFailureTexts.message(
            new ManagementKeyRefusedException("not the factory key", false), Locale.ENGLISH);
    String refused =
        TokenFailureTexts.message(
            new ManagementKeyRefusedException("refused the management key"), Locale.FRENCH);

    assertTrue(notGiven.contains("--management-key-env"), notGiven);
    assertTrue(notGiven.contains("--management-key-file"), notGiven);
    assertTrue(notGiven.contains("registration authority"), notGiven);
    assertTrue(refused.startsWith("La carte a refusé la clé d'administration donnée"), refused);
  }

  @Test
  void anAttestationNamingAnotherKeyStopsTheMeeting() {
    assertEquals(
        "L'attestation de la carte désigne une autre clé : la clé ne doit pas être utilisée ;"
            + " le rendez-vous est arrêté.",
        TokenFailureTexts.message(
            new AttestationMismatchException("names another key"), Locale.FRENCH));
  }

  @Test
  void aKeyRefusedRightAfterThePinDoesNotAskToVerifyIt() {
    String said =
        TokenFailureTexts.message(new LoginRequiredException("refused", null, true), Locale.FRENCH);

    assertFalse(said.contains("doit être vérifié"), said);
    assertTrue(said.contains("le code PIN est juste"), said);
    assertEquals(
        "Le code PIN doit être vérifié avant cette opération.",
        TokenFailureTexts.message(new LoginRequiredException("verify first"), Locale.FRENCH));
  }

  @Test
  void aFailureOfNoKnownKindKeepsItsOwnWords() {
    assertEquals(
        "La carte a répondu par une erreur : something odd",
        TokenFailureTexts.message(new TokenException("something odd"), Locale.FRENCH));
  }

  @Test
  void aReasonIsTheTokensWordsWhenATokenFailedAndTheFailuresOwnOtherwise() {
    Exception interrupted =
        new Exception("enrollment INT-1 interrupted, token: wrong PIN", new WrongPinException(1));

    assertEquals(
        "Code PIN erroné : il reste 1 essai.",
        TokenFailureTexts.reason(interrupted, Locale.FRENCH));
    assertEquals("Wrong PIN.", TokenFailureTexts.reason(new WrongPinException(-1), Locale.ENGLISH));
    assertEquals(
        "database locked",
        TokenFailureTexts.reason(
            new Exception("database locked", new IOException("busy")), Locale.FRENCH));
  }

  @Test
  void everyKindHasItsWordsInBothLanguages() {
    for (TokenFailure kind : TokenFailure.values()) {
      ClassifiedFailure failure = ClassifiedFailure.of(kind, "a", "b");
      for (Locale language : List.of(Locale.FRENCH, Locale.ENGLISH)) {
        String said = TokenFailureTexts.message(failure, language);
        assertFalse(said.contains("{"), kind + " in " + language + ": " + said);
      }
    }
  }
}
