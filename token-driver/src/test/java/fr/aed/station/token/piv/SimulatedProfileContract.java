package fr.aed.station.token.piv;

import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.pcsc.CardReaders;
import org.junit.jupiter.api.AfterEach;

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

  @AfterEach
  void remove() {
    card.close();
  }
}
