package fr.aed.station.token.piv;

import fr.aed.station.simulator.CardProfile;

/** The PIV contract on a simulated YubiKey 5.4: 3DES management key, no RSA-3072. */
class PivTokenYubiKey54Test extends SimulatedProfileContract {

  PivTokenYubiKey54Test() {
    super(CardProfile.YUBIKEY_5_4);
  }
}
