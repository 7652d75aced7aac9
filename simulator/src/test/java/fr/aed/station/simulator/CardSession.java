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
    ResponseAPDU first = send("0087039B047C028000");
    assertEquals(0x9000, first.getSW());
    byte[] encrypted = Arrays.copyOfRange(first.getData(), 4, 12);
    Cipher des = Cipher.getInstance("DESede/ECB/NoPadding");
    des.init(Cipher.DECRYPT_MODE, new SecretKeySpec(DEFAULT_MANAGEMENT_KEY, "DESede"));
    String witness = HexFormat.of().formatHex(des.doFinal(encrypted));
    ResponseAPDU second = send("0087039B167C148008" + witness + "81080102030405060708");
    assertEquals(0x9000, second.getSW());
  }

  @Override
  public void close() throws CardException {
    card.disconnect(false);
  }
}
