package fr.aed.station.crypto.sealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedEnvelopeTest {

  private static final byte[] IDENTITY =
      "{\"number\":\"X4RTBPFW4\",\"mrz\":\"P<FRAMARTIN<<...\"}".getBytes(StandardCharsets.UTF_8);

  private static SoftwareDeviceKey officerKey;
  private static X509Certificate officerCertificate;

  @BeforeAll
  static void officer() throws Exception {
    officerKey = SoftwareDeviceKey.rsa(2048);
    officerCertificate = TestCertificates.selfSigned(officerKey, "Officier chiffrement");
  }

  @Test
  void theOfficersCardOpensWhatWasSealedForIt() throws Exception {
    SoftwareDecryption card = new SoftwareDecryption(officerKey);
    byte[] sealed = SealedEnvelope.seal(IDENTITY, officerCertificate);

    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("X4RTBPFW4"));
    assertArrayEquals(IDENTITY, SealedEnvelope.open(sealed, officerCertificate, card));
    assertEquals(1, card.operations);
  }

  @Test
  void eachSealingHasItsOwnDataKey() throws Exception {
    assertFalse(
        java.util.Arrays.equals(
            SealedEnvelope.seal(IDENTITY, officerCertificate),
            SealedEnvelope.seal(IDENTITY, officerCertificate)));
  }

  @Test
  void anotherOfficersCardCannotOpenIt() throws Exception {
    SoftwareDeviceKey otherKey = SoftwareDeviceKey.rsa(2048);
    X509Certificate other = TestCertificates.selfSigned(otherKey, "Autre officier");
    byte[] sealed = SealedEnvelope.seal(IDENTITY, officerCertificate);

    assertMessage(
        "sealed for another key",
        () -> SealedEnvelope.open(sealed, other, new SoftwareDecryption(otherKey)));
  }

  @Test
  void aWrongKeyBehindTheRightCertificateIsRefused() throws Exception {
    byte[] sealed = SealedEnvelope.seal(IDENTITY, officerCertificate);
    // A modulus above the officer's takes any wrapped key in and unwraps nonsense, which OAEP
    // refuses; below it, the device may also refuse a block above its modulus, in its own words.
    SoftwareDecryption larger = new SoftwareDecryption(impostorKey(true));
    SoftwareDecryption smaller = new SoftwareDecryption(impostorKey(false));

    assertMessage(
        "could not unwrap", () -> SealedEnvelope.open(sealed, officerCertificate, larger));
    SealingException refused =
        assertThrows(
            SealingException.class, () -> SealedEnvelope.open(sealed, officerCertificate, smaller));
    assertTrue(
        refused.getMessage().contains("could not unwrap")
            || refused.getMessage().contains("software decryption failed"),
        refused.getMessage());
  }

  // An RSA-2048 key whose modulus is above (or below) the officer's.
  private static SoftwareDeviceKey impostorKey(boolean above) throws Exception {
    BigInteger officers = ((RSAPublicKey) officerCertificate.getPublicKey()).getModulus();
    while (true) {
      SoftwareDeviceKey key = SoftwareDeviceKey.rsa(2048);
      BigInteger modulus = ((RSAPublicKey) key.publicKey()).getModulus();
      if ((modulus.compareTo(officers) > 0) == above) {
        return key;
      }
    }
  }

  @Test
  void anAlteredByteIsDetected() throws Exception {
    byte[] sealed = SealedEnvelope.seal(IDENTITY, officerCertificate);
    // the last bytes are the GCM tag; one before them is ciphertext
    sealed[sealed.length - 20] ^= 1;

    assertMessage(
        "altered",
        () -> SealedEnvelope.open(sealed, officerCertificate, new SoftwareDecryption(officerKey)));
  }

  @Test
  void bytesThatAreNotSealedDataAreNamed() {
    assertMessage(
        "not sealed data",
        () ->
            SealedEnvelope.open(
                "not sealed".getBytes(StandardCharsets.UTF_8),
                officerCertificate,
                new SoftwareDecryption(officerKey)));
  }

  @Test
  void anEcCertificateCannotBeARecipient() throws Exception {
    SoftwareDeviceKey ec = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate certificate = TestCertificates.selfSigned(ec, "Officier EC");

    assertMessage("RSA", () -> SealedEnvelope.seal(IDENTITY, certificate));
  }

  @Test
  void opensslOpensTheEnvelopeWithTheRecipientsKey(@TempDir Path dir) throws Exception {
    Path envelope =
        Files.write(dir.resolve("sealed.der"), SealedEnvelope.seal(IDENTITY, officerCertificate));
    Path certificate =
        Files.writeString(
            dir.resolve("officer.pem"), pem("CERTIFICATE", officerCertificate.getEncoded()));
    Path key =
        Files.writeString(
            dir.resolve("officer.key"),
            pem("PRIVATE KEY", officerKey.privateKeyForTests().getEncoded()));
    Path out = dir.resolve("identity.json");

    Process openssl =
        new ProcessBuilder(
                "openssl",
                "cms",
                "-decrypt",
                "-inform",
                "DER",
                "-in",
                envelope.toString(),
                "-recip",
                certificate.toString(),
                "-inkey",
                key.toString(),
                "-out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, openssl.waitFor(), said);
    assertArrayEquals(IDENTITY, Files.readAllBytes(out));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
    SealingException e = assertThrows(SealingException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static String pem(String type, byte[] der) throws IOException {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
