package fr.aed.station.app.officer;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * A throw-away authority that certifies the demonstration officer card's keys: its key lives in
 * memory only while the card is issued, its name says DEMONSTRATION.
 */
final class DemoAuthority {

  private static final X500Name NAME =
      new X500Name(
          "CN=Autorité de démonstration (" + DemoOfficerCard.MARK + "), O=Station AED, C=FR");
  private static final int YEARS = 3;

  private final KeyPair keys;
  private final X509Certificate certificate;

  private DemoAuthority(KeyPair keys) {
    this.keys = keys;
    this.certificate = issue(NAME, keys.getPublic(), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
  }

  static DemoAuthority create() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new DemoAuthority(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the demonstration authority cannot be created", e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** A certificate for {@code key}, with the given key usage bits. */
  X509Certificate certify(X500Name subject, PublicKey key, int keyUsage) {
    return issue(subject, key, false, keyUsage);
  }

  private X509Certificate issue(X500Name subject, PublicKey key, boolean ca, int keyUsage) {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              NAME,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(YEARS * 365L, ChronoUnit.DAYS)),
              subject,
              key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("the demonstration authority cannot issue", e);
    }
  }
}
