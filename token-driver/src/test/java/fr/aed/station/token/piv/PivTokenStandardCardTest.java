package fr.aed.station.token.piv;

import fr.aed.station.simulator.CardProfile;

/**
 * The PIV contract on a simulated NIST SP 800-73-4 card without vendor commands: no metadata, no
 * attestation, no RSA-3072, the access rules of the standard.
 */
class PivTokenStandardCardTest extends SimulatedProfileContract {

  PivTokenStandardCardTest() {
    super(CardProfile.PIV);
  }
}
