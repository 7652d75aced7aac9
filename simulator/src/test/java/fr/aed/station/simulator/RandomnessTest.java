package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** jCardSim's own generator is unseeded: a simulated card is trusted only with this test green. */
class RandomnessTest {

  private static final String RSA_2048 = "0047009A05AC03800107";
  private static final String EC_P256 = "0047009A05AC03800111";

  @Test
  void twoFreshCardsGenerateDifferentKeys() throws Exception {
    assertFalse(Arrays.equals(generateOnFreshCard(RSA_2048), generateOnFreshCard(RSA_2048)));
    assertFalse(Arrays.equals(generateOnFreshCard(EC_P256), generateOnFreshCard(EC_P256)));
  }

  @Test
  void oneCardGeneratesDifferentKeysEachTime() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert();
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      assertFalse(Arrays.equals(generate(session, RSA_2048), generate(session, RSA_2048)));
      assertFalse(Arrays.equals(generate(session, EC_P256), generate(session, EC_P256)));
    }
  }

  @Test
  void twoFreshCardsHaveDifferentChuids() throws Exception {
    assertFalse(Arrays.equals(readChuid(), readChuid()));
  }

  private static byte[] generateOnFreshCard(String command) throws Exception {
    try (SimulatedCard card = SimulatedCard.insert();
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      return generate(session, command);
    }
  }

  private static byte[] generate(CardSession session, String command) throws Exception {
    ResponseAPDU response = session.sendAll(command);
    assertEquals(0x9000, response.getSW());
    return response.getData();
  }

  // Only a PIV card ships with a CHUID.
  private static byte[] readChuid() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.PIV);
        CardSession session = new CardSession(card)) {
      session.select();
      return session.sendAll("00CB3FFF055C035FC102").getData();
    }
  }
}
