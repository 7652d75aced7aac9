package fr.aed.station.crypto;

import java.security.PublicKey;

/**
 * A private key held on a device (smart card, token) that can only be asked to sign. The crypto
 * module never sees the private key itself; the station adapts its token to this interface.
 */
public interface DeviceKey {

  /** The public half of the key pair, as read from the device when the pair was generated. */
  PublicKey publicKey();

  /**
   * Signs {@code data} with SHA-256: SHA256withRSA (PKCS#1 v1.5) for an RSA key, SHA256withECDSA
   * (DER) for an EC key.
   *
   * @throws DeviceSigningException if the device refuses or fails
   */
  byte[] signSha256(byte[] data) throws DeviceSigningException;
}
