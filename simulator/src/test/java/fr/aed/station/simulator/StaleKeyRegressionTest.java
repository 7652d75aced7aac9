package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/**
 * jCardSim 3.0.6.0 reuses a key component's byte array when a shorter value is stored and computes
 * with the whole array: an applet regenerating into the same key objects signed, about once in 256
 * regenerations, with a key that is not the one it reported. Each regeneration here is followed by
 * a signature that must verify with the public key GENERATE answered.
 */
class StaleKeyRegressionTest {

  private static final int P256_REGENERATIONS = 1500;
  private static final int P384_REGENERATIONS = 200;
  private static final int RSA_2048_REGENERATIONS = 40;

  @Test
  void everyRegenerationInTheSameSlotSignsWithTheKeyItReported() throws Exception {
    SecureRandom random = new SecureRandom();
    List<String> wrong = new ArrayList<>();
    int regenerations = 0;
    try (SimulatedCard card = SimulatedCard.insert();
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      session.verifyDefaultPin();
      int[][] rounds = {
        {0x11, P256_REGENERATIONS}, {0x14, P384_REGENERATIONS}, {0x07, RSA_2048_REGENERATIONS}
      };
      for (int[] round : rounds) {
        int algorithm = round[0];
        for (int i = 0; i < round[1]; i++) {
          // Slot 9A: PIN once, so that one VERIFY covers every signature.
          PublicKey key = session.generate(0x9A, algorithm);
          regenerations++;
          byte[] hash = new byte[32];
          random.nextBytes(hash);
          ResponseAPDU signed = session.sign(0x9A, algorithm, CardSession.signInput(key, hash));
          assertEquals(0x9000, signed.getSW());
          if (!CardSession.verifies(key, hash, CardSession.signature(signed))) {
            wrong.add(String.format("algorithm %02X, regeneration %d", algorithm, i));
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "signatures by another key than reported, in " + regenerations);
  }
}
