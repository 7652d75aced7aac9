package fr.aed.station.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
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

  /**
   * A certificate for {@code key} with the exact subject {@code subject}, issued by {@code
   * issuer}'s certificate and key (or self-signed when {@code issuer} is null), valid from {@code
   * notBefore} to {@code notAfter}, with the given {@link KeyUsage} bits.
   */
  public static X509Certificate certificate(
      SoftwareDeviceKey key,
      X500Principal subject,
      X509Certificate issuer,
      SoftwareDeviceKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      int keyUsage)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name subjectName = X500Name.getInstance(subject.getEncoded());
    X500Name issuerName =
        issuer == null
            ? subjectName
            : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            new BigInteger(64, new SecureRandom()),
            Date.from(notBefore),
            Date.from(notAfter),
            subjectName,
            key.publicKey());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
    return sign(builder, issuer == null ? key : issuerKey);
  }

  /** A signing certificate for {@code key} named {@code CN=commonName,...}. */
  public static X509Certificate issued(
      SoftwareDeviceKey key,
      String commonName,
      X509Certificate issuer,
      SoftwareDeviceKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      int keyUsage)
      throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
    return certificate(
        key,
        new X500Principal(name(commonName).getEncoded()),
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        keyUsage);
  }

  /** A revocation list signed by {@code issuer}'s key that revokes {@code revoked}. */
  public static X509CRL revocationList(
      X509Certificate issuer, SoftwareDeviceKey issuerKey, X509Certificate... revoked)
      throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
    Instant now = Instant.now();
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
            Date.from(now.minus(Duration.ofHours(1))));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
    for (X509Certificate certificate : revoked) {
      builder.addCRLEntry(
          certificate.getSerialNumber(),
          Date.from(now.minus(Duration.ofMinutes(30))),
          CRLReason.keyCompromise);
    }
    X509CRLHolder holder = builder.build(contentSigner(issuerKey));
    return new JcaX509CRLConverter().getCRL(holder);
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
    return sign(builder, issuerKey);
  }

  private static X509Certificate sign(
      JcaX509v3CertificateBuilder builder, SoftwareDeviceKey issuerKey)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(contentSigner(issuerKey)));
  }

  private static ContentSigner contentSigner(SoftwareDeviceKey issuerKey)
      throws OperatorCreationException {
    String algorithm =
        issuerKey.publicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaContentSignerBuilder(algorithm).build(issuerKey.privateKeyForTests());
  }
}
