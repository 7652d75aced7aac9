package fr.aed.station.token.pcsc;

import fr.aed.station.token.apdu.ApduTransport;
import fr.aed.station.token.apdu.CardGoneException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

/**
 * The adapter between {@code javax.smartcardio} and {@link ApduTransport}: the one place where a
 * {@link CardException} becomes an {@link IOException}.
 */
public final class PcscTransport implements ApduTransport {

  // pcscd sees a card gone at its next poll of the reader, up to about a second after a command
  // failed for it (CCID readers, vpcd): the reader is watched that long before it is believed.
  private static final Duration CARD_GONE_NOTICE = Duration.ofMillis(1500);

  private final CardTerminal terminal;
  private final Card card;
  private final CardChannel channel;
  private final Runnable afterClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Wraps a card already connected in {@code terminal}; closing the transport disconnects it. */
  public PcscTransport(CardTerminal terminal, Card card) {
    this(terminal, card, () -> {});
  }

  /** Like {@link #PcscTransport(CardTerminal, Card)}, running {@code afterClose} once closed. */
  PcscTransport(CardTerminal terminal, Card card, Runnable afterClose) {
    this.terminal = terminal;
    this.card = card;
    this.channel = card.getBasicChannel();
    this.afterClose = afterClose;
  }

  /**
   * {@inheritDoc} Through the system's PC/SC (jnasmartcardio) the answer is the card's own, {@code
   * 61xx} included: wrap this transport in {@code GetResponseTransport}, as the PIV backend does.
   *
   * @throws CardGoneException if the card was removed or the reader disconnected
   * @throws PcscServiceLostException if the PC/SC service stopped
   * @throws IOException on any other failure of the PC/SC layer
   */
  @Override
  public byte[] transmit(byte[] apdu) throws IOException {
    try {
      if (SystemPcsc.sendsOnce(channel)) {
        // jnasmartcardio's own GET RESPONSE loop loses long answers: GetResponseTransport does it.
        return SystemPcsc.transmitOnce(channel, new CommandAPDU(apdu).getBytes());
      }
      return channel.transmit(new CommandAPDU(apdu)).getBytes();
    } catch (CardException | IllegalStateException e) {
      throw lost(e);
    }
  }

  // Why the transmission failed: the service gone (said by the failure itself, or by the reader
  // asked next), the card gone (said by the failure, or by the reader within CARD_GONE_NOTICE),
  // or another failure of the PC/SC layer with the card still there.
  private IOException lost(Exception failure) {
    Optional<String> serviceCode = PcscCodes.serviceDown(failure);
    if (serviceCode.isEmpty() && !PcscCodes.noCard(failure)) {
      try {
        if (!terminal.waitForCardAbsent(CARD_GONE_NOTICE.toMillis())) {
          return new IOException(
              "PC/SC transmission failed in "
                  + terminal.getName()
                  + ": "
                  + PcscCodes.rootMessage(failure),
              failure);
        }
      } catch (CardException | RuntimeException presence) {
        serviceCode = PcscCodes.serviceDown(presence);
      }
    }
    if (serviceCode.isPresent()) {
      return new PcscServiceLostException(terminal.getName(), serviceCode.get(), failure);
    }
    return new CardGoneException("card removed from " + terminal.getName(), failure);
  }

  @Override
  public byte[] atr() {
    return card.getATR().getBytes();
  }

  /** Disconnects with a reset, so the PIN validation does not outlive the session. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      card.disconnect(true);
    } catch (CardException | RuntimeException e) {
      // Already gone: nothing left to release.
    } finally {
      afterClose.run();
    }
  }

  /** The name of the reader holding the card. */
  public String readerName() {
    return terminal.getName();
  }
}
