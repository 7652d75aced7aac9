package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card restored from its state file signs with the keys saved there, even a key whose private
 * value has a leading zero byte: restored into key objects filled at install, such a key signed
 * with a stale byte (jCardSim's defect), as a restored card's attestation key once did.
 */
class RestoredKeyTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  @Test
  void aSavedAttestationKeyWithALeadingZeroSignsAsItselfOnceRestored() throws Exception {
    Path file = dir.resolve("card.state");
    SimulatedCard.insert(CardProfile.YUBIKEY_5_4, file).close();
    // The attestation key is the one key the card makes at install, so the one a restored value
    // lands on top of.
    KeyPair shortKey = p256KeyWithLeadingZero();
    Files.writeString(file, withKey(Files.readString(file), "f9", shortKey));

    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      session.generate(0x9A, 0x11);
      ResponseAPDU attested = session.sendAll("00F99A00");
      assertEquals(0x9000, attested.getSW());
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(attested.getData()));
      certificate.verify(shortKey.getPublic());
    }
  }

  private static KeyPair p256KeyWithLeadingZero() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    for (int i = 0; i < 100_000; i++) {
      KeyPair pair = generator.generateKeyPair();
      if (((ECPrivateKey) pair.getPrivate()).getS().bitLength() <= 248) {
        return pair;
      }
    }
    throw new AssertionError("no P-256 key with a leading zero byte in 100,000");
  }

  // The state file with a slot's key replaced, as the simulator writes it (a value as short as
  // its number, the point uncompressed), and its checksum line made again.
  private static String withKey(String text, String slot, KeyPair pair) throws Exception {
    byte[] scalar = ((ECPrivateKey) pair.getPrivate()).getS().toByteArray();
    if (scalar[0] == 0) {
      scalar = java.util.Arrays.copyOfRange(scalar, 1, scalar.length);
    }
    ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
    String point =
        "04" + fixed(publicKey.getW().getAffineX()) + fixed(publicKey.getW().getAffineY());
    String body = text.substring(0, text.lastIndexOf("\nsha256=") + 1);
    body = replace(body, "key." + slot + ".private", HEX.formatHex(scalar));
    body = replace(body, "key." + slot + ".public", point);
    String checksum =
        HEX.formatHex(
            MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.US_ASCII)));
    return body + "sha256=" + checksum + "\n";
  }

  private static String replace(String body, String name, String value) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "=.*$").matcher(body);
    assertTrue(line.find(), name + " in the state file");
    return line.replaceFirst(Matcher.quoteReplacement(name + "=" + value));
  }

  private static String fixed(BigInteger coordinate) {
    String hex = coordinate.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }
}
