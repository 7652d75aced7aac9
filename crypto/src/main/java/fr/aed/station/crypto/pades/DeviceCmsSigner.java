package fr.aed.station.crypto.pades;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A Bouncy Castle {@link ContentSigner} for the CMS signer info: it buffers the DER of the signed
 * attributes and asks the device to sign them, so the private key never leaves the device.
 */
final class DeviceCmsSigner implements ContentSigner {

  private final DeviceKey key;
  private final AlgorithmIdentifier algorithm;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private DeviceSigningException failure;

  /**
   * @throws IllegalArgumentException if the key is neither RSA nor EC
   */
  DeviceCmsSigner(DeviceKey key) {
    this.key = key;
    this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithmName(key));
  }

  private static String algorithmName(DeviceKey key) {
    String family = key.publicKey().getAlgorithm();
    return switch (family) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new IllegalArgumentException("unsupported key algorithm " + family);
    };
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm;
  }

  @Override
  public OutputStream getOutputStream() {
    return buffer;
  }

  @Override
  public byte[] getSignature() {
    try {
      return key.signSha256(buffer.toByteArray());
    } catch (DeviceSigningException e) {
      // ContentSigner cannot throw a checked exception: keep it for the caller to rethrow.
      failure = e;
      return new byte[0];
    }
  }

  /** Rethrows the device's failure, if it failed to sign. */
  void rethrowFailure() throws DeviceSigningException {
    if (failure != null) {
      throw failure;
    }
  }
}
