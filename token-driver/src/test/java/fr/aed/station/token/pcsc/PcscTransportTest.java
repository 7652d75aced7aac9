package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.TokenFailure;
import fr.aed.station.token.TokenFailures;
import fr.aed.station.token.apdu.CardGoneException;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/**
 * How a failed transmission is named: the service gone, the card gone, or another PC/SC failure.
 * Scripted PC/SC objects here; scripts/pcsc-tests stops the real pcscd during a key generation.
 */
class PcscTransportTest {

  private static final byte[] GET_DATA = {0x00, (byte) 0xCB, 0x3F, (byte) 0xFF, 0x00};
  private static final String READER = "Reader 00 00";

  @Test
  void aTransmissionFailingWithTheServiceCodeSaysPcscdStopped() {
    PcscTransport transport = transport("SCARD_E_NO_SERVICE", Presence.PRESENT);

    PcscServiceLostException lost =
        assertThrows(PcscServiceLostException.class, () -> transport.transmit(GET_DATA));

    assertEquals(
        ClassifiedFailure.of(TokenFailure.SERVICE_LOST, READER, "SCARD_E_NO_SERVICE"),
        lost.classified());
    assertTrue(lost.getMessage().contains(READER), lost.getMessage());
    assertTrue(lost.getMessage().contains("SCARD_E_NO_SERVICE"), lost.getMessage());
  }

  @Test
  void aServiceThatStopsAnsweringTheReaderTooIsNotACardTakenOut() {
    // The transmission's own code says little (a broken socket); the reader asked next says more.
    PcscTransport transport = transport("SCARD_F_COMM_ERROR", Presence.SERVICE_STOPPED);

    PcscServiceLostException lost =
        assertThrows(PcscServiceLostException.class, () -> transport.transmit(GET_DATA));

    assertTrue(lost.getMessage().contains("SCARD_E_SERVICE_STOPPED"), lost.getMessage());
    assertEquals(TokenFailure.SERVICE_LOST, TokenFailures.classify(new IOException(lost)).kind());
  }

  @Test
  void aCardNoLongerInTheReaderIsACardTakenOut() {
    PcscTransport transport = transport("SCARD_W_REMOVED_CARD", Presence.ABSENT);

    CardGoneException gone =
        assertThrows(CardGoneException.class, () -> transport.transmit(GET_DATA));

    assertEquals(TokenFailure.CARD_REMOVED, TokenFailures.classify(gone).kind());
  }

  @Test
  void aCardTheReaderSeesGoneOnlyAfterTheFailureIsACardTakenOut() {
    PcscTransport transport = transport("SCARD_E_NOT_TRANSACTED", Presence.LEAVES);

    assertThrows(CardGoneException.class, () -> transport.transmit(GET_DATA));
  }

  @Test
  void theRemovedCardCodeIsBelievedWithoutAskingTheReader() {
    PcscTransport transport = transport("SCARD_W_REMOVED_CARD", Presence.PRESENT);

    assertThrows(CardGoneException.class, () -> transport.transmit(GET_DATA));
  }

  @Test
  void anotherFailureWithTheCardStillThereIsNeither() {
    PcscTransport transport = transport("SCARD_E_PROTO_MISMATCH", Presence.PRESENT);

    IOException failure = assertThrows(IOException.class, () -> transport.transmit(GET_DATA));

    assertFalse(
        failure instanceof CardGoneException || failure instanceof PcscServiceLostException);
    assertTrue(failure.getMessage().contains(READER), failure.getMessage());
    assertTrue(failure.getMessage().contains("SCARD_E_PROTO_MISMATCH"), failure.getMessage());
  }

  private enum Presence {
    PRESENT,
    ABSENT,
    // Still seen in the reader when the command fails, seen gone a moment later.
    LEAVES,
    SERVICE_STOPPED
  }

  private static PcscTransport transport(String transmitCode, Presence presence) {
    Terminal terminal = new Terminal(presence);
    return new PcscTransport(
        terminal,
        new ScriptedReaders.ScriptedCard(new byte[] {0x3B, 0x00}, failingChannel(transmitCode)));
  }

  private static final class Terminal extends CardTerminal {

    private final Presence presence;

    Terminal(Presence presence) {
      this.presence = presence;
    }

    @Override
    public String getName() {
      return READER;
    }

    @Override
    public boolean isCardPresent() throws CardException {
      if (presence == Presence.SERVICE_STOPPED) {
        throw new CardException("SCardGetStatusChange", new Exception("SCARD_E_SERVICE_STOPPED"));
      }
      return presence == Presence.PRESENT || presence == Presence.LEAVES;
    }

    @Override
    public Card connect(String protocol) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean waitForCardPresent(long timeout) {
      return false;
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
      return presence == Presence.LEAVES || !isCardPresent();
    }
  }

  // A channel whose every transmission fails with the PC/SC code {@code code}.
  private static CardChannel failingChannel(String code) {
    return new CardChannel() {
      @Override
      public Card getCard() {
        return null;
      }

      @Override
      public int getChannelNumber() {
        return 0;
      }

      @Override
      public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        throw new CardException("SCardTransmit", new Exception(code));
      }

      @Override
      public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        throw new CardException("SCardTransmit", new Exception(code));
      }

      @Override
      public void close() {}
    };
  }
}
