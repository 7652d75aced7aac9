package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encodings around raw signatures, checked by the JDK's own verifiers. */
class RawSignaturesTest {

  private static final byte[] DATA = "dossier 2024-0042".getBytes(StandardCharsets.UTF_8);

  // Many runs: about half of the r and s values have their high bit set and need a 00 prefix.
  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1"})
  void derEcdsaIsWhatSha256WithEcdsaVerifies(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    KeyPair pair = generator.generateKeyPair();
    for (int i = 0; i < 32; i++) {
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(pair.getPrivate());
      signer.update(DATA);
      byte[] raw = signer.sign();

      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(pair.getPublic());
      verifier.update(DATA);
      assertTrue(verifier.verify(RawSignatures.derEcdsa(raw)), curve + " run " + i);
    }
  }

  @Test
  void aDigestInfoSignedRawIsASha256WithRsaSignature() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(DATA);
    Signature raw = Signature.getInstance("NONEwithRSA");
    raw.initSign(pair.getPrivate());
    raw.update(RawSignatures.sha256DigestInfo(hash));

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(DATA);
    assertTrue(verifier.verify(raw.sign()));
  }

  @Test
  void anOddLengthIsNoEcdsaSignature() {
    assertThrows(IllegalArgumentException.class, () -> RawSignatures.derEcdsa(new byte[63]));
  }

  @Test
  void aRawRsaResultShortOfItsLeadingZerosIsGivenThemBack() throws Exception {
    byte[] shortOfOne = new byte[255];
    Arrays.fill(shortOfOne, (byte) 0x5A);

    byte[] signature = RawSignatures.toModulusLength(shortOfOne, 256);

    assertEquals(256, signature.length);
    assertEquals(0, signature[0]);
    assertArrayEquals(shortOfOne, Arrays.copyOfRange(signature, 1, 256));
    assertArrayEquals(
        signature, RawSignatures.toModulusLength(signature, 256), "a full one left as it is");
    assertThrows(TokenException.class, () -> RawSignatures.toModulusLength(new byte[257], 256));
  }
}
