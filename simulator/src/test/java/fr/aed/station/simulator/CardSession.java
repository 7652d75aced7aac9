package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
  static final String VERIFY_DEFAULT_PIN = "0020008008313233343536FFFF";
  private static final HexFormat HEX = HexFormat.of();

  private final Card card;
  private final CardChannel channel;
  private final CardProfile profile;

  CardSession(SimulatedCard simulated) throws CardException {
    card = simulated.terminal().connect("*");
    channel = card.getBasicChannel();
    profile = simulated.profile();
  }

  ResponseAPDU send(String hex) throws CardException {
    return channel.transmit(new CommandAPDU(HEX.parseHex(hex.replace(" ", ""))));
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

  /** Sends {@code data} with command chaining (CLA 10 but the last), 255 bytes an APDU. */
  ResponseAPDU sendChained(String insP1P2, byte[] data) throws CardException {
    List<String> commands = chained(insP1P2, data);
    for (String command : commands.subList(0, commands.size() - 1)) {
      assertEquals(0x9000, send(command).getSW(), command);
    }
    return sendAll(commands.get(commands.size() - 1));
  }

  static List<String> chained(String insP1P2, byte[] data) {
    List<String> commands = new ArrayList<>();
    for (int offset = 0; offset < data.length; offset += 255) {
      int length = Math.min(255, data.length - offset);
      String cla = offset + length < data.length ? "10" : "00";
      commands.add(
          cla
              + insP1P2
              + String.format("%02X", length)
              + HEX.formatHex(data, offset, offset + length));
    }
    return commands;
  }

  void select() throws CardException {
    assertEquals(0x9000, send("00A4040005A000000308").getSW());
  }

  void verifyDefaultPin() throws CardException {
    assertEquals(0x9000, send(VERIFY_DEFAULT_PIN).getSW());
  }

  /** The algorithm of the profile's factory management key: AES-192 on a YubiKey 5.7. */
  int defaultManagementAlgorithm() {
    return profile == CardProfile.YUBIKEY_5_7 ? 0x0A : 0x03;
  }

  void authenticateManagementKey() throws Exception {
    assertEquals(
        0x9000, authenticateManagementKey(defaultManagementAlgorithm(), DEFAULT_MANAGEMENT_KEY));
  }

  /**
   * Mutual authentication with the management key as yubico-piv-tool does it; returns the status
   * word of the first step when refused, else of the second, after checking the card's answer to
   * our challenge.
   */
  int authenticateManagementKey(int algorithm, byte[] key) throws Exception {
    boolean des = algorithm == 0x03;
    int block = des ? 8 : 16;
    String header = String.format("0087%02X9B", algorithm);
    ResponseAPDU first = send(header + "047C028000");
    if (first.getSW() != 0x9000) {
      return first.getSW();
    }
    byte[] encrypted = Arrays.copyOfRange(first.getData(), 4, 4 + block);
    String transformation = des ? "DESede/ECB/NoPadding" : "AES/ECB/NoPadding";
    SecretKeySpec secret = new SecretKeySpec(key, des ? "DESede" : "AES");
    Cipher cipher = Cipher.getInstance(transformation);
    cipher.init(Cipher.DECRYPT_MODE, secret);
    String witness = HEX.formatHex(cipher.doFinal(encrypted));
    byte[] challenge = new byte[block];
    Arrays.fill(challenge, (byte) 0x5A);
    String body =
        String.format("80%02X", block)
            + witness
            + String.format("81%02X", block)
            + HEX.formatHex(challenge);
    String template = String.format("7C%02X", body.length() / 2) + body;
    ResponseAPDU second = send(header + String.format("%02X", template.length() / 2) + template);
    if (second.getSW() == 0x9000) {
      cipher.init(Cipher.ENCRYPT_MODE, secret);
      assertEquals(
          HEX.formatHex(cipher.doFinal(challenge)),
          HEX.formatHex(Arrays.copyOfRange(second.getData(), 4, 4 + block)));
    }
    return second.getSW();
  }

  /** Generates a key of {@code algorithm} in {@code slot}; returns the public key it answers. */
  PublicKey generate(int slot, int algorithm) throws Exception {
    ResponseAPDU answer = sendAll(String.format("004700%02X05AC0380 01%02X", slot, algorithm));
    assertEquals(0x9000, answer.getSW(), "GENERATE");
    return publicKey(answer.getData());
  }

  /** Signs {@code input} (a hash for EC, a padded block for RSA) with the key in {@code slot}. */
  ResponseAPDU sign(int slot, int algorithm, byte[] input) throws CardException {
    byte[] length = encodedLength(input.length);
    byte[] body = concat(HEX.parseHex("820081"), length, input);
    byte[] template = concat(new byte[] {0x7C}, encodedLength(body.length), body);
    return sendChained(String.format("87%02X%02X", algorithm, slot), template);
  }

  /** The signature in the answer to {@link #sign}. */
  static byte[] signature(ResponseAPDU signed) {
    byte[] data = signed.getData();
    int offset = 1 + lengthSize(data, 1);
    offset += 1 + lengthSize(data, offset + 1);
    return Arrays.copyOfRange(data, offset, data.length);
  }

  /**
   * Whether {@code signature}, made on {@code hash} by {@link #sign}, verifies with {@code key}.
   */
  static boolean verifies(PublicKey key, byte[] hash, byte[] signature) throws Exception {
    if (key.getAlgorithm().equals("RSA")) {
      return rawRsa(key, signature).equals(new BigInteger(1, pkcs1(hash, key)));
    }
    Signature verifier = Signature.getInstance("NONEwithECDSA");
    verifier.initVerify(key);
    verifier.update(hash);
    return verifier.verify(signature);
  }

  /** What {@link #sign} sends for a SHA-256 {@code hash}: the hash, or its PKCS#1 block for RSA. */
  static byte[] signInput(PublicKey key, byte[] hash) {
    return key.getAlgorithm().equals("RSA") ? pkcs1(hash, key) : hash;
  }

  private static BigInteger rawRsa(PublicKey key, byte[] signature) {
    java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) key;
    return new BigInteger(1, signature).modPow(rsa.getPublicExponent(), rsa.getModulus());
  }

  // EMSA-PKCS1-v1_5 of a SHA-256 hash, as long as the key's modulus.
  private static byte[] pkcs1(byte[] hash, PublicKey key) {
    int length = (((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
    byte[] digestInfo = HEX.parseHex("3031300d060960864801650304020105000420");
    byte[] block = new byte[length];
    Arrays.fill(block, (byte) 0xFF);
    block[0] = 0;
    block[1] = 1;
    int start = length - digestInfo.length - hash.length;
    block[start - 1] = 0;
    System.arraycopy(digestInfo, 0, block, start, digestInfo.length);
    System.arraycopy(hash, 0, block, start + digestInfo.length, hash.length);
    return block;
  }

  /** The public key in GENERATE's 7F49 template, or in GET METADATA's 04 tag (its content). */
  static PublicKey publicKey(byte[] answer) throws Exception {
    int offset = answer[0] == 0x7F ? 2 + lengthSize(answer, 2) : 0;
    if ((answer[offset] & 0xFF) == 0x86) {
      int length = answer[offset + 1] & 0xFF;
      byte[] point = Arrays.copyOfRange(answer, offset + 2, offset + 2 + length);
      int size = (point.length - 1) / 2;
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(size == 32 ? "secp256r1" : "secp384r1"));
      ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
      ECPoint w =
          new ECPoint(
              new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
              new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
    }
    int modulusLength = length(answer, offset + 1);
    int modulusStart = offset + 1 + lengthSize(answer, offset + 1);
    BigInteger modulus =
        new BigInteger(1, Arrays.copyOfRange(answer, modulusStart, modulusStart + modulusLength));
    int exponentTag = modulusStart + modulusLength;
    int exponentLength = answer[exponentTag + 1] & 0xFF;
    BigInteger exponent =
        new BigInteger(
            1, Arrays.copyOfRange(answer, exponentTag + 2, exponentTag + 2 + exponentLength));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  private static int lengthSize(byte[] data, int offset) {
    int first = data[offset] & 0xFF;
    return first < 0x80 ? 1 : 1 + (first & 0x7F);
  }

  private static int length(byte[] data, int offset) {
    int first = data[offset] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 1; i <= (first & 0x7F); i++) {
      length = (length << 8) | (data[offset + i] & 0xFF);
    }
    return length;
  }

  private static byte[] encodedLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws CardException {
    card.disconnect(false);
  }
}
