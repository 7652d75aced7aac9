package fr.aed.station.token;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;

/**
 * RSA-OAEP (SHA-256, MGF1 with SHA-256, no label) decoding of a block that a token already
 * deciphered raw: Bouncy Castle's OAEP decoder run over a pass-through "engine" that hands it the
 * token's result, as its own RSA engine would.
 */
final class OaepDecoding {

  private OaepDecoding() {}

  /**
   * Decodes the modulus-long encoded message {@code deciphered} (leading zero byte included).
   *
   * @throws InvalidCipherTextException if it is not a valid OAEP encoding
   */
  static byte[] decode(byte[] deciphered) throws InvalidCipherTextException {
    OAEPEncoding oaep =
        new OAEPEncoding(
            new Deciphered(deciphered.length), new SHA256Digest(), new SHA256Digest(), null);
    oaep.init(false, null);
    return oaep.processBlock(deciphered, 0, deciphered.length);
  }

  // Bouncy Castle's RSA engine answers decryptions one byte shorter than the modulus, without the
  // leading zero byte of the OAEP encoding (RFC 8017, 7.1.2, step 3): this one does the same.
  private record Deciphered(int modulusBytes) implements AsymmetricBlockCipher {

    @Override
    public void init(boolean forEncryption, CipherParameters parameters) {}

    @Override
    public int getInputBlockSize() {
      return modulusBytes;
    }

    @Override
    public int getOutputBlockSize() {
      return modulusBytes - 1;
    }

    @Override
    public byte[] processBlock(byte[] in, int offset, int length)
        throws InvalidCipherTextException {
      if (length != modulusBytes || in[offset] != 0) {
        throw new InvalidCipherTextException("not an OAEP block: no leading zero byte");
      }
      byte[] out = new byte[length - 1];
      System.arraycopy(in, offset + 1, out, 0, out.length);
      return out;
    }
  }
}
