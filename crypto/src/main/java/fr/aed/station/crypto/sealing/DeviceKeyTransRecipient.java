package fr.aed.station.crypto.sealing;

import java.math.BigInteger;
import java.security.Key;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.util.BigIntegers;

/**
 * The CMS recipient whose private key is on a device: the data key is unwrapped by the device's raw
 * RSA operation and Bouncy Castle's OAEP decoding; the content is then decrypted by Bouncy Castle
 * as for any key-transport recipient.
 */
final class DeviceKeyTransRecipient extends JceKeyTransAuthEnvelopedRecipient {

  private final DeviceDecryption device;
  private SealingException failure;

  DeviceKeyTransRecipient(DeviceDecryption device) {
    // The private key stays on the device; the parent class only ever reaches it through
    // extractSecretKey, overridden below.
    super(null);
    setContentProvider(SealedEnvelope.PROVIDER);
    this.device = device;
  }

  /** Why the device could not unwrap the data key, when it could not. */
  Optional<SealingException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  protected Key extractSecretKey(
      AlgorithmIdentifier keyEncryptionAlgorithm,
      AlgorithmIdentifier encryptedKeyAlgorithm,
      byte[] encryptedKey)
      throws CMSException {
    requireOaepSha256(keyEncryptionAlgorithm);
    OAEPEncoding oaep =
        new OAEPEncoding(
            new DeviceRsaEngine(), SHA256Digest.newInstance(), SHA256Digest.newInstance(), null);
    oaep.init(false, null);
    try {
      return new SecretKeySpec(oaep.processBlock(encryptedKey, 0, encryptedKey.length), "AES");
    } catch (InvalidCipherTextException | IllegalStateException e) {
      if (failure == null) {
        failure = new SealingException("the card could not unwrap the data key", e);
      }
      throw new CMSException(failure.getMessage(), e);
    }
  }

  private static void requireOaepSha256(AlgorithmIdentifier algorithm) throws CMSException {
    boolean oaep = algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSAES_OAEP);
    if (!oaep
        || !RSAESOAEPparams.getInstance(algorithm.getParameters())
            .getHashAlgorithm()
            .getAlgorithm()
            .equals(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)) {
      throw new CMSException("the data key is not wrapped with RSAES-OAEP SHA-256");
    }
  }

  /** Bouncy Castle's view of the device: one raw RSA private-key operation per block. */
  private final class DeviceRsaEngine implements AsymmetricBlockCipher {

    private final int modulusBytes = (device.publicKey().getModulus().bitLength() + 7) / 8;

    @Override
    public void init(boolean forEncryption, CipherParameters param) {
      if (forEncryption) {
        throw new IllegalArgumentException("the device only unwraps");
      }
    }

    @Override
    public int getInputBlockSize() {
      return modulusBytes;
    }

    @Override
    public int getOutputBlockSize() {
      return modulusBytes - 1;
    }

    @Override
    public byte[] processBlock(byte[] in, int inOff, int len) throws InvalidCipherTextException {
      byte[] block = new byte[modulusBytes];
      if (len > modulusBytes) {
        throw new InvalidCipherTextException("the wrapped key is longer than the modulus");
      }
      System.arraycopy(in, inOff, block, modulusBytes - len, len);
      try {
        // As Bouncy Castle's own RSA engine does on decryption: leading zeros are not output.
        return BigIntegers.asUnsignedByteArray(new BigInteger(1, device.rawRsa(block)));
      } catch (SealingException e) {
        failure = e;
        throw new InvalidCipherTextException(e.getMessage(), e);
      }
    }
  }
}
