package fr.aed.station.token.apdu;

import java.io.IOException;

/** Carries command APDUs to a card and brings back its raw responses (data and status word). */
public interface ApduTransport extends AutoCloseable {

  /**
   * Sends one command APDU and returns the card's response, status word included.
   *
   * @throws IOException if the card cannot be reached (removed, reader gone)
   */
  byte[] transmit(byte[] apdu) throws IOException;

  /** The card's answer to reset. */
  byte[] atr();

  /** Ends the connection with the card; never throws. */
  @Override
  void close();
}
