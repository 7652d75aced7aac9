package fr.aed.station.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A Bouncy Castle {@link ContentSigner} that buffers what is to be signed (a request's
 * certification info, a CMS signer info's signed attributes) and asks the device for the signature,
 * so the private key never leaves the device.
 */
public final class DeviceContentSigner implements ContentSigner {

  private final DeviceKey key;
  private final AlgorithmIdentifier algorithm;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private DeviceSigningException failure;

  /**
   * @throws IllegalArgumentException if the key is neither RSA nor EC
   */
  public DeviceContentSigner(DeviceKey key) {
    this.key = key;
    this.algorithm =
        new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithmName(key));
  }

  /** SHA256withRSA or SHA256withECDSA, after the key's family. */
  public static String signatureAlgorithmName(DeviceKey key) {
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
      // ContentSigner cannot throw a checked exception: keep it for the builder to rethrow.
      failure = e;
      return new byte[0];
    }
  }

  /** Rethrows the device's failure, if signing failed. */
  public void rethrowFailure() throws DeviceSigningException {
    if (failure != null) {
      throw failure;
    }
  }
}
