package fr.aed.station.token.apdu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/** A fake card that expects exact commands, in order, and gives scripted answers. */
public final class ScriptedTransport implements ApduTransport {

  private final Deque<String[]> exchanges = new ArrayDeque<>();

  public ScriptedTransport expect(String command, String response) {
    exchanges.add(new String[] {clean(command), clean(response)});
    return this;
  }

  public boolean finished() {
    return exchanges.isEmpty();
  }

  @Override
  public byte[] transmit(byte[] apdu) {
    String[] exchange = exchanges.remove();
    assertEquals(exchange[0], HexFormat.of().formatHex(apdu));
    return HexFormat.of().parseHex(exchange[1]);
  }

  @Override
  public byte[] atr() {
    return new byte[] {0x3B, 0x00};
  }

  @Override
  public void close() {}

  private static String clean(String hex) {
    return hex.replace(" ", "").toLowerCase();
  }
}
