package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.ManagementKeyOutcome;
import fr.aed.station.token.ManagementKeyRefusedException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.pcsc.CardReaders;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the station does to a holder's card beyond the token contract, on each simulated profile:
 * the management key found and replaced, the desktop stacks' objects written, the attestation.
 */
class PivCardSetupTest {

  private static final char[] PIN = "123456".toCharArray();
  private static final byte[] KNOWN_KEY =
      HexFormat.of().parseHex("00112233445566778899aabbccddeeff0011223344556677");

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void theFactoryManagementKeyIsReplacedByOneKeptBehindThePinWhereTheCardAllows(CardProfile profile)
      throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(profile)) {
      ManagementKeyOutcome outcome;
      try (PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
        token.verifyPin(PIN);
        outcome = token.secureManagementKey();
        token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      }
      try (PivToken reopened = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
        Optional<ManagementKeyAlgorithm> algorithm =
            reopened.session().managementKeyMetadata().flatMap(m -> m.algorithm());
        ManagementKey factory =
            ManagementKey.factory(algorithm.orElse(ManagementKeyAlgorithm.TRIPLE_DES));
        if (profile == CardProfile.PIV) {
          assertEquals(ManagementKeyOutcome.NOT_CHANGEABLE, outcome);
          reopened.session().authenticateManagementKey(factory);
          return;
        }
        assertEquals(ManagementKeyOutcome.REPLACED_PIN_PROTECTED, outcome);
        assertThrows(
            ManagementKeyRefusedException.class,
            () -> reopened.session().authenticateManagementKey(factory),
            "the factory key no longer opens the card");
        assertThrows(
            ManagementKeyRefusedException.class,
            () -> reopened.writeCertificate(KeySlot.SIGNATURE, null),
            "without the PIN the key kept behind it stays closed");
        reopened.verifyPin(PIN);
        PublicKey again = reopened.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
        assertEquals("EC", again.getAlgorithm(), "with the PIN, the kept key opens the card");
        assertEquals(ManagementKeyOutcome.REPLACED_PIN_PROTECTED, reopened.secureManagementKey());
      }
    }
  }

  @Test
  void aCardWhoseKeyIsNeitherFactoryNorKeptSaysSoAndGeneratesNothing() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.YUBIKEY_5_4)) {
      try (PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
        token
            .session()
            .authenticateManagementKey(ManagementKey.factory(ManagementKeyAlgorithm.TRIPLE_DES));
        token
            .session()
            .setManagementKey(new ManagementKey(ManagementKeyAlgorithm.TRIPLE_DES, KNOWN_KEY));
      }
      try (PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
        token.verifyPin(PIN);
        ManagementKeyRefusedException refused =
            assertThrows(
                ManagementKeyRefusedException.class,
                () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
        assertFalse(refused.supplied());
        assertTrue(token.session().slotMetadata(PivSlot.SIGNATURE).isEmpty(), "no key made");
      }
      Optional<ManagementKey> given =
          Optional.of(new ManagementKey(ManagementKeyAlgorithm.TRIPLE_DES, KNOWN_KEY));
      try (PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName(), given)) {
        token.verifyPin(PIN);
        token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
        assertEquals(ManagementKeyOutcome.ALREADY_PERSONAL, token.secureManagementKey());
      }
      Optional<ManagementKey> wrong =
          Optional.of(new ManagementKey(ManagementKeyAlgorithm.TRIPLE_DES, new byte[24]));
      try (PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName(), wrong)) {
        token.verifyPin(PIN);
        ManagementKeyRefusedException refused =
            assertThrows(
                ManagementKeyRefusedException.class,
                () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
        assertTrue(refused.supplied());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void aGeneratedKeyIsAttestedWhereTheCardCanAndTheAttestationNamesIt(CardProfile profile)
      throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(profile);
        PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      token.verifyPin(PIN);
      PublicKey key = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      KeyEvidence evidence = token.keyEvidence(KeySlot.SIGNATURE);
      if (profile == CardProfile.PIV) {
        assertTrue(evidence.attestation().isEmpty());
        assertTrue(evidence.description().contains("ne fournit pas d'attestation"));
        return;
      }
      assertEquals(2, evidence.attestation().size());
      assertEquals(key, evidence.attestation().get(0).getPublicKey());
      evidence.attestation().get(0).verify(evidence.attestation().get(1).getPublicKey());
      assertTrue(evidence.description().contains("attestation du support vérifiée"));
    }
  }

  @Test
  void anAttestationOfAnotherKeyIsRefused() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.YUBIKEY_5_7);
        PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      token.verifyPin(PIN);
      PublicKey first = token.generateKeyPair(KeySlot.AUTHENTICATION, KeyType.P256);
      token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      KeyAttestation attestation =
          new KeyAttestation(
              token.session().attest(PivSlot.SIGNATURE).orElseThrow(),
              token.session().attestationCertificate().orElseThrow());
      assertThrows(
          fr.aed.station.token.AttestationMismatchException.class, () -> attestation.check(first));
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void afterAKeyIsMadeTheCardCarriesTheObjectsDesktopStacksRead(CardProfile profile)
      throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(profile);
        PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      token.verifyPin(PIN);
      token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      byte[] chuid = token.session().getObject(CardObjects.OBJECT_CHUID).orElseThrow();
      assertEquals(16, fr.aed.station.token.apdu.Tlv.valueOf(chuid, 0x34).length, "GUID");
      byte[] ccc = token.session().getObject(CardObjects.OBJECT_CCC).orElseThrow();
      assertEquals(21, fr.aed.station.token.apdu.Tlv.valueOf(ccc, 0xF0).length, "card id");
    }
  }

  @Test
  void aKeyTypeTheCardCannotMakeIsRefusedBeforeAnyPinWithWhatItMakes() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.YUBIKEY_5_4);
        PivToken token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      assertFalse(token.supportedKeyTypes().contains(KeyType.RSA3072));
      token.verifyPin(PIN);
      UnsupportedKeyTypeException refused =
          assertThrows(
              UnsupportedKeyTypeException.class,
              () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.RSA3072));
      assertTrue(refused.getMessage().contains("5.4.3"), refused.getMessage());
      assertTrue(refused.getMessage().contains("p256"), refused.getMessage());
    }
  }
}
