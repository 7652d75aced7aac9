package fr.aed.station.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** A key pair in memory standing in for a device, to test the crypto module on its own. */
public final class SoftwareDeviceKey implements DeviceKey {

  private final KeyPair pair;

  private SoftwareDeviceKey(KeyPair pair) {
    this.pair = pair;
  }

  public static SoftwareDeviceKey rsa(int bits) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return new SoftwareDeviceKey(generator.generateKeyPair());
  }

  public static SoftwareDeviceKey ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return new SoftwareDeviceKey(generator.generateKeyPair());
  }

  /** Only tests hold a private key in memory: to build deliberately wrong requests. */
  public java.security.PrivateKey privateKeyForTests() {
    return pair.getPrivate();
  }

  @Override
  public PublicKey publicKey() {
    return pair.getPublic();
  }

  @Override
  public byte[] signSha256(byte[] data) throws DeviceSigningException {
    try {
      Signature signature =
          Signature.getInstance(
              pair.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
      signature.initSign(pair.getPrivate());
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new DeviceSigningException("software signing failed", e);
    }
  }
}
