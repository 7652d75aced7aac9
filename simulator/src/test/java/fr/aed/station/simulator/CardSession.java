package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** Raw APDU exchanges with a simulated card, for the applet's tests. */
final class CardSession implements AutoCloseable {

  static final byte[] DEFAULT_MANAGEMENT_KEY =
      HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");

  private final Card card;
  private final CardChannel channel;

  CardSession(SimulatedCard simulated) throws CardException {
    card = simulated.terminal().connect("*");
    channel = card.getBasicChannel();
  }

  ResponseAPDU send(String hex) throws CardException {
    return channel.transmit(new CommandAPDU(HexFormat.of().parseHex(hex.replace(" ", ""))));
  }

  /** Sends the command and follows 61xx with GET RESPONSE; returns data and final status. */
  ResponseAPDU sendAll(String hex) throws CardException {
    ResponseAPDU response = send(hex);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(response.getData());
    int rounds = 0;
    while (response.getSW1() == 0x61 && rounds++ < 64) {
      response = send("00C00000" + String.format("%02X", response.getSW2()));
      data.writeBytes(response.getData());
    }
    data.write(response.getSW1());
    data.write(response.getSW2());
    return new ResponseAPDU(data.toByteArray());
  }

  void select() throws CardException {
    assertEquals(0x9000, send("00A4040005A000000308").getSW());
  }

  void verifyDefaultPin() throws CardException {
    assertEquals(0x9000, send("0020008008313233343536FFFF").getSW());
  }

  void authenticateManagementKey() throws Exception {
    assertEquals(0x9000, authenticateManagementKey(0x03, DEFAULT_MANAGEMENT_KEY));
  }

  /**
   * Mutual authentication with the management key as yubico-piv-tool does it; returns the status
   * word of the second step after checking the card's answer to our challenge.
   */
  int authenticateManagementKey(int algorithm, byte[] key) throws Exception {
    boolean des = algorithm == 0x03;
    int block = des ? 8 : 16;
    String header = String.format("0087%02X9B", algorithm);
    ResponseAPDU first = send(header + "047C028000");
    assertEquals(0x9000, first.getSW());
    byte[] encrypted = Arrays.copyOfRange(first.getData(), 4, 4 + block);
    String transformation = des ? "DESede/ECB/NoPadding" : "AES/ECB/NoPadding";
    SecretKeySpec secret = new SecretKeySpec(key, des ? "DESede" : "AES");
    Cipher cipher = Cipher.getInstance(transformation);
    cipher.init(Cipher.DECRYPT_MODE, secret);
    String witness = HexFormat.of().formatHex(cipher.doFinal(encrypted));
    byte[] challenge = new byte[block];
    Arrays.fill(challenge, (byte) 0x5A);
    String body =
        String.format("80%02X", block)
            + witness
            + String.format("81%02X", block)
            + HexFormat.of().formatHex(challenge);
    String template = String.format("7C%02X", body.length() / 2) + body;
    ResponseAPDU second = send(header + String.format("%02X", template.length() / 2) + template);
    if (second.getSW() == 0x9000) {
      cipher.init(Cipher.ENCRYPT_MODE, secret);
      assertEquals(
          HexFormat.of().formatHex(cipher.doFinal(challenge)),
          HexFormat.of().formatHex(Arrays.copyOfRange(second.getData(), 4, 4 + block)));
    }
    return second.getSW();
  }

  @Override
  public void close() throws CardException {
    card.disconnect(false);
  }
}
