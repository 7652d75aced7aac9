package fr.aed.station.token.piv;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.apdu.GetResponseTransport;
import fr.aed.station.token.pcsc.CardReaders;
import fr.aed.station.token.pcsc.NoCardException;
import fr.aed.station.token.pcsc.NoReaderException;
import fr.aed.station.token.pcsc.PcscServiceDownException;
import fr.aed.station.token.pcsc.PcscTransport;
import java.util.Optional;

/**
 * The PIV cards in the readers of one PC/SC service (or of the in-process simulator): the PIV
 * backend opened on the transport the readers give.
 */
public final class PivCards {

  private final CardReaders readers;

  /** The PIV cards in {@code readers}. */
  public PivCards(CardReaders readers) {
    this.readers = readers;
  }

  /**
   * Connects to the card in the first reader whose name contains {@code readerNamePart} and opens
   * its PIV application; the card's management key is found on it (factory or PIN-protected).
   *
   * @throws NoReaderException if no reader matches (the message lists the readers present)
   * @throws NoCardException if the reader holds no card
   * @throws PcscServiceDownException if the PC/SC service is unavailable
   * @throws TokenException if the card has no PIV application or cannot be reached
   */
  public PivToken open(String readerNamePart) throws TokenException {
    return open(readerNamePart, Optional.empty());
  }

  /**
   * Like {@link #open(String)}, with the card's own management key when one is given.
   *
   * @throws TokenException as {@link #open(String)}
   */
  public PivToken open(String readerNamePart, Optional<ManagementKey> managementKey)
      throws TokenException {
    PcscTransport transport = readers.openTransport(readerNamePart);
    try {
      // The system's PC/SC gives the card's 61xx as it comes: GET RESPONSE is followed here.
      return new PivToken(
          new GetResponseTransport(transport), transport.readerName(), managementKey);
    } catch (TokenException | RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
