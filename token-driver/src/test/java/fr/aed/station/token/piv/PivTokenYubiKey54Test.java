package fr.aed.station.token.piv;

import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.pcsc.CardReaders;
import org.junit.jupiter.api.AfterEach;

/** The PIV contract on a simulated YubiKey 5.4: 3DES management key, no RSA-3072. */
class PivTokenYubiKey54Test extends PivTokenContract {

  private SimulatedCard card;

  @Override
  protected PivToken open() throws Exception {
    card = SimulatedCard.insert(CardProfile.YUBIKEY_5_4);
    return new PivCards(CardReaders.inProcess()).open(card.readerName());
  }

  @Override
  protected boolean generates(KeyType type) {
    return type != KeyType.RSA3072;
  }

  @AfterEach
  void remove() {
    card.close();
  }
}
