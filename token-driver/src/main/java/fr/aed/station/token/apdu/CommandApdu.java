package fr.aed.station.token.apdu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A short command APDU (ISO 7816-4, 5.1): header, optional data of at most 255 bytes, Le 256.
 *
 * @param cla class byte
 * @param ins instruction byte
 * @param p1 first parameter
 * @param p2 second parameter
 * @param data command data, possibly empty
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {

  /** The bit of the class byte announcing that more commands of the chain follow. */
  public static final int CLA_CHAINING = 0x10;

  private static final int SHORT_DATA_MAX = 255;
  // jCardSim's APDU buffer holds 260 bytes: 255 data bytes followed by Le overflow it.
  private static final int LAST_OF_CHAIN_MAX = 254;

  public CommandApdu {
    data = data.clone();
  }

  /** A command without data. */
  public CommandApdu(int cla, int ins, int p1, int p2) {
    this(cla, ins, p1, p2, new byte[0]);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * Encodes the command, with Le = 00 (up to 256 response bytes) unless it is a chained part, which
   * gets no response data (ISO 7816-4, 5.1.1.1).
   *
   * @throws IllegalArgumentException if the data does not fit a short APDU: use {@link #chain()}
   */
  public byte[] bytes() {
    if (data.length > SHORT_DATA_MAX) {
      throw new IllegalArgumentException(data.length + " bytes do not fit one short APDU");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 6);
    out.write(cla);
    out.write(ins);
    out.write(p1);
    out.write(p2);
    if (data.length > 0) {
      out.write(data.length);
      out.writeBytes(data);
    }
    if ((cla & CLA_CHAINING) == 0) {
      out.write(0x00);
    }
    return out.toByteArray();
  }

  /**
   * Splits the command into short commands; all but the last carry the chaining bit in CLA and at
   * most 255 data bytes, the last at most 254 (ISO 7816-4, 5.1.1.1). A command of up to 254 data
   * bytes is returned alone.
   */
  public List<CommandApdu> chain() {
    List<CommandApdu> chain = new ArrayList<>();
    int offset = 0;
    do {
      int remaining = data.length - offset;
      int size =
          remaining <= LAST_OF_CHAIN_MAX ? remaining : Math.min(SHORT_DATA_MAX, remaining - 1);
      int end = offset + size;
      int chunkCla = end < data.length ? cla | CLA_CHAINING : cla;
      chain.add(new CommandApdu(chunkCla, ins, p1, p2, Arrays.copyOfRange(data, offset, end)));
      offset = end;
    } while (offset < data.length);
    return chain;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommandApdu that
        && cla == that.cla
        && ins == that.ins
        && p1 == that.p1
        && p2 == that.p2
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(cla, ins, p1, p2) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format(
        "CommandApdu[%02X %02X %02X %02X, %d bytes]", cla, ins, p1, p2, data.length);
  }
}
