package fr.aed.station.crypto.sealing;

import java.security.interfaces.RSAPublicKey;

/**
 * An RSA private key for key management held on a device (the officer's card), asked only for the
 * raw RSA operation that unwraps a data key. The padding (OAEP) is removed here, in software: the
 * device never sees more than one block and never gives its key out.
 */
public interface DeviceDecryption {

  /** The public half of the device's key-management key pair. */
  RSAPublicKey publicKey();

  /**
   * The raw RSA private-key operation on one block as long as the modulus.
   *
   * @throws SealingException if the device refuses or fails (wrong PIN, card removed...)
   */
  byte[] rawRsa(byte[] block) throws SealingException;
}
