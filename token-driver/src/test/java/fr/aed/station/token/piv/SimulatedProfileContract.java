package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.pcsc.CardReaders;
import java.security.PublicKey;
import java.security.Signature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PIV contract on a fresh in-process simulated card of one profile per test. */
abstract class SimulatedProfileContract extends PivTokenContract {

  private final CardProfile profile;
  private SimulatedCard card;

  SimulatedProfileContract(CardProfile profile) {
    this.profile = profile;
  }

  @Override
  protected PivToken open() throws Exception {
    card = SimulatedCard.insert(profile);
    return new PivCards(CardReaders.inProcess()).open(card.readerName());
  }

  // RSA-3072 from YubiKey firmware 5.7 only; SP 800-78-4 has none.
  @Override
  protected boolean generates(KeyType type) {
    return type != KeyType.RSA3072 || profile == CardProfile.YUBIKEY_5_7;
  }

  // A key made in an earlier session, before its certificate is written: the card without
  // metadata cannot tell its type, the caller's expected key does.
  @Test
  void aKeyOfAnEarlierSessionSignsBeforeItsCertificateIsWritten() throws Exception {
    token.verifyPin(PIN.toCharArray());
    PublicKey key = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    token.close();
    token = new PivCards(CardReaders.inProcess()).open(card.readerName());
    token.verifyPin(PIN.toCharArray());

    byte[] signature = token.signSha256(KeySlot.SIGNATURE, key, DATA);

    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(key);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature), "the earlier session's key signed");
  }

  @AfterEach
  void remove() {
    card.close();
  }
}
