package fr.aed.station.app.officer;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
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
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demonstration officer credential: a fresh simulated officer card whose key is certified by a
 * throw-away demonstration authority. Every name in it says DEMONSTRATION: it proves nothing, it
 * only lets the demo sign its sheet for real, on a card.
 */
public final class DemoOfficerCard {

  static final String MARK = "DÉMONSTRATION – SANS VALEUR";

  private DemoOfficerCard() {}

  /**
   * Inserts a simulated officer card, generates its signing key on the card, certifies it and
   * stores the certificate on the card.
   *
   * @throws TokenException if the simulated card fails
   */
  public static OfficerCredential issue(Officer officer) throws TokenException {
    Token card = TokenConnectors.freshSimulatedCard().connect();
    try {
      card.verifyPin(TokenConnectors.SIMULATED_CARD_PIN.toCharArray());
      PublicKey officerKey = card.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      List<X509Certificate> chain = certify(officer, officerKey);
      card.writeCertificate(KeySlot.SIGNATURE, chain.get(0));
      return new OfficerCredential(
          new TokenDeviceKey(card, KeySlot.SIGNATURE, officerKey), chain, true, card);
    } catch (TokenException | RuntimeException e) {
      card.close();
      throw e;
    }
  }

  private static List<X509Certificate> certify(Officer officer, PublicKey officerKey) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair authority = generator.generateKeyPair();
      X500Name authorityName =
          new X500Name("CN=Autorité de démonstration (" + MARK + "), O=Station AED, C=FR");
      X509Certificate authorityCert =
          certificate(authorityName, authorityName, authority.getPublic(), authority, true);
      X509Certificate officerCert =
          certificate(authorityName, officerName(officer), officerKey, authority, false);
      return List.of(officerCert, authorityCert);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("the demonstration authority cannot issue", e);
    }
  }

  private static X500Name officerName(Officer officer) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "FR")
        .addRDN(BCStyle.O, officer.office())
        .addRDN(BCStyle.OU, MARK)
        .addRDN(BCStyle.CN, officer.name() + " (" + MARK + ")")
        .build();
  }

  private static X509Certificate certificate(
      X500Name issuer, X500Name subject, PublicKey key, KeyPair authority, boolean ca)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(30, ChronoUnit.DAYS)),
            subject,
            key);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            ca
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(authority.getPrivate())));
  }
}
