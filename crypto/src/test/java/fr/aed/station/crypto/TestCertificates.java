package fr.aed.station.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates for the software keys that stand in for a device. */
public final class TestCertificates {

  private TestCertificates() {}

  /**
   * A certificate valid from a day before {@code notBefore} (the signing time the tests claim:
   * validators check it lies within the certificate's validity) to a year from now.
   */
  /** A self-signed certificate valid from yesterday. */
  public static X509Certificate selfSigned(SoftwareDeviceKey key, String commonName)
      throws Exception {
    return selfSigned(key, commonName, Instant.now().minus(java.time.Duration.ofDays(1)));
  }

  public static X509Certificate selfSigned(
      SoftwareDeviceKey key, String commonName, Instant notBefore)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name subject = name(commonName);
    return issue(subject, key, subject, key, notBefore, false);
  }

  /** A certificate for {@code key} issued by {@code issuer}'s certificate and key. */
  public static X509Certificate issued(
      SoftwareDeviceKey key, String commonName, X509Certificate issuer, SoftwareDeviceKey issuerKey)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    return issue(
        name(commonName),
        key,
        issuerName,
        issuerKey,
        issuer.getNotBefore().toInstant().plus(Duration.ofDays(1)),
        false);
  }

  /** A self-signed certification authority. */
  public static X509Certificate authority(
      SoftwareDeviceKey key, String commonName, Instant notBefore)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name subject = name(commonName);
    return issue(subject, key, subject, key, notBefore, true);
  }

  private static X500Name name(String commonName) {
    return new X500Name("CN=" + commonName + ",O=Atelier Lumiere SAS,C=FR");
  }

  private static X509Certificate issue(
      X500Name subject,
      SoftwareDeviceKey key,
      X500Name issuer,
      SoftwareDeviceKey issuerKey,
      Instant notBefore,
      boolean authority)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()),
            Date.from(notBefore.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            key.publicKey());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
    String algorithm =
        issuerKey.publicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder(algorithm).build(issuerKey.privateKeyForTests())));
  }
}
