package fr.aed.station.app.store;

import fr.aed.station.crypto.Pem;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.KeyUsage;

/** A certification authority made in the test, that certifies officers and writes trust lists. */
public final class TestAuthority {

  private final SoftwareDeviceKey key;
  private final X509Certificate certificate;

  private TestAuthority(SoftwareDeviceKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** A new authority, valid from 2020. */
  public static TestAuthority create(String commonName) throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    return new TestAuthority(
        key, TestCertificates.authority(key, commonName, Instant.parse("2020-01-01T00:00:00Z")));
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes the trust list of this authority alone to {@code file}, PEM. */
  public Path writeTrustList(Path file) throws Exception {
    return Files.writeString(file, Pem.of(certificate), StandardCharsets.US_ASCII);
  }

  /** A signing certificate for {@code officer} named {@code subject}, valid between the dates. */
  public X509Certificate certify(
      SoftwareDeviceKey officer, X500Principal subject, Instant from, Instant to) throws Exception {
    return TestCertificates.certificate(
        officer,
        subject,
        certificate,
        key,
        from,
        to,
        KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
  }

  /** Writes a revocation list of this authority revoking {@code revoked} to {@code file}, DER. */
  public Path writeRevocationList(Path file, X509Certificate... revoked) throws Exception {
    X509CRL crl = TestCertificates.revocationList(certificate, key, revoked);
    return Files.write(file, crl.getEncoded());
  }
}
