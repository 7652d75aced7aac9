package fr.aed.station.token.apdu;

import java.util.Arrays;

/**
 * A response APDU: data and status word.
 *
 * @param data response data, possibly empty
 * @param statusWord SW1-SW2, such as {@code 0x9000}
 */
public record ResponseApdu(byte[] data, int statusWord) {

  public ResponseApdu {
    data = data.clone();
  }

  /**
   * Splits a raw response into data and status word.
   *
   * @throws IllegalArgumentException if {@code raw} is shorter than a status word
   */
  public static ResponseApdu parse(byte[] raw) {
    if (raw.length < 2) {
      throw new IllegalArgumentException("a response has at least a status word");
    }
    int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
    return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * Returns the data of a successful response: this is where a status word becomes an exception.
   *
   * @throws ApduException if the status word is not {@code 9000}
   */
  public byte[] requireSuccess() throws ApduException {
    if (statusWord != StatusWord.SW_OK) {
      throw new ApduException(statusWord);
    }
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResponseApdu that
        && statusWord == that.statusWord
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * statusWord + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("ResponseApdu[%d bytes, %04X]", data.length, statusWord);
  }
}
