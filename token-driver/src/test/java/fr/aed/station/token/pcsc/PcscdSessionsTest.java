package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.Token;
import fr.aed.station.token.piv.PivCards;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * pcscd serves at most 200 PC/SC contexts, for all its clients together, and jnasmartcardio leaves
 * a context it established to the garbage collector unless it is closed. The station opens a card
 * session per token connection, each through a new {@link CardReaders#system()}: 250 of them in a
 * row must all work, each context released when its session closes. Selected by the Maven profile
 * {@code pcscd} only; it fails, never skips, without the reader.
 */
@Tag("pcscd")
class PcscdSessionsTest {

  private static final int SESSIONS = 250;

  @Test
  void moreSessionsThanPcscdHasContextsOneAfterTheOther() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(reader == null || reader.isBlank(), "name the reader with -Dpcsc.reader");
    for (int i = 0; i < SESSIONS; i++) {
      try (Token token = new PivCards(CardReaders.system()).open(reader)) {
        assertTrue(token.pinStatus().triesLeft() > 0, "session " + (i + 1));
      }
    }
  }
}
