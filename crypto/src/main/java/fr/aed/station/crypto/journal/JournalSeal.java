package fr.aed.station.crypto.journal;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The officer's signature over the journal's head when an intervention closes: whoever removes
 * entries up to a sealed one, or rewrites the chain behind it, cannot make a new seal without the
 * officer's token.
 *
 * @param sequence the sealed entry's sequence number
 * @param headHash the sealed entry's hash
 * @param sealedAt when the seal was made, ISO-8601 instant
 * @param signature the officer's SHA-256 signature over {@link #toBeSigned}
 * @param certificate the officer's certificate, DER
 */
public record JournalSeal(
    long sequence, String headHash, String sealedAt, byte[] signature, byte[] certificate) {

  /**
   * Seals the head of the journal with the officer's key.
   *
   * @throws DeviceSigningException if the officer's token cannot sign
   */
  public static JournalSeal seal(
      ChainedEntry head, String sealedAt, DeviceKey officerKey, X509Certificate certificate)
      throws DeviceSigningException {
    byte[] data = toBeSigned(head.entry().sequence(), head.hash(), sealedAt);
    try {
      return new JournalSeal(
          head.entry().sequence(),
          head.hash(),
          sealedAt,
          officerKey.signSha256(data),
          certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("the officer's certificate cannot be encoded", e);
    }
  }

  /** The bytes the officer signs: a fixed label, the sequence, the hash and the time. */
  public static byte[] toBeSigned(long sequence, String headHash, String sealedAt) {
    return ("station-journal-seal-v1\n" + sequence + "\n" + headHash + "\n" + sealedAt)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the signature verifies with the certificate's public key. */
  public boolean signatureValid() {
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificate));
      String algorithm =
          cert.getPublicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(toBeSigned(sequence, headHash, sealedAt));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
