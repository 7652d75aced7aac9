package fr.aed.station.token.apdu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Follows {@code 61xx} answers with GET RESPONSE (ISO 7816-4, 5.3.4) until the card has sent
 * everything, and returns the whole response as if the card had sent it at once.
 */
public final class GetResponseTransport implements ApduTransport {

  static final int MAX_ROUNDS = 256;
  private static final int INS_GET_RESPONSE = 0xC0;

  private final ApduTransport delegate;

  public GetResponseTransport(ApduTransport delegate) {
    this.delegate = delegate;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException if the card cannot be reached, or still has bytes after {@value
   *     #MAX_ROUNDS} GET RESPONSE commands
   */
  @Override
  public byte[] transmit(byte[] apdu) throws IOException {
    ResponseApdu response = ResponseApdu.parse(delegate.transmit(apdu));
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(response.data());
    int rounds = 0;
    while (StatusWord.isBytesRemaining(response.statusWord())) {
      if (++rounds > MAX_ROUNDS) {
        throw new IOException("card still announces data after " + MAX_ROUNDS + " GET RESPONSE");
      }
      byte[] getResponse = {
        (byte) (apdu[0] & ~CommandApdu.CLA_CHAINING),
        (byte) INS_GET_RESPONSE,
        0,
        0,
        (byte) response.statusWord()
      };
      response = ResponseApdu.parse(delegate.transmit(getResponse));
      data.writeBytes(response.data());
    }
    data.write(response.statusWord() >> 8);
    data.write(response.statusWord());
    return data.toByteArray();
  }

  @Override
  public byte[] atr() {
    return delegate.atr();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
