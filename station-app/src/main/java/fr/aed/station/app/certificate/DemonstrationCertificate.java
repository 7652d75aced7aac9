package fr.aed.station.app.certificate;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Pem;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The whole return of a certificate for {@code station demo}: a throw-away certificate authority
 * whose name says DEMONSTRATION issues the certificate from the recorded request as the product's
 * profile asks, writes it in a file as an authority would send it, and the station takes it by the
 * same path as a real one: checked against the record, accepted, written on the simulated card and
 * tried with a test signature.
 */
public final class DemonstrationCertificate {

  private static final X500Name NAME =
      new X500Name(
          "CN=Autorité de certification de DÉMONSTRATION – SANS VALEUR, O=Station AED, C=FR");
  private static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
  private static final String QC_SSCD = "0.4.0.1862.1.4";
  private static final String QC_TYPE = "0.4.0.1862.1.6";
  private static final String QC_TYPE_ESIGN = "0.4.0.1862.1.6.1";

  private final KeyPair keys;
  private final X509Certificate authority;

  private DemonstrationCertificate(KeyPair keys) throws GeneralSecurityException {
    this.keys = keys;
    this.authority = authorityCertificate();
  }

  /** A new throw-away authority, its key in memory only. */
  public static DemonstrationCertificate authority() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new DemonstrationCertificate(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the demonstration authority cannot be created", e);
    }
  }

  /**
   * Issues the meeting's certificate into {@code folder}, then receives, accepts and installs it.
   *
   * @return what was installed
   * @throws CertificateException if any step refuses, as for a real certificate
   */
  public CardInstallation.Installed issueAndInstall(
      InterventionStore store,
      Clock clock,
      String interventionId,
      Path folder,
      TokenConnector holderCard,
      PinSource holderPin,
      OfficerCredential officer)
      throws CertificateException, StoreException {
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    try {
      Path authorityFile = folder.resolve("demonstration-authority.pem");
      Files.writeString(authorityFile, Pem.of(authority), StandardCharsets.US_ASCII);
      Path sent = folder.resolve(interventionId + "-certificate.pem");
      X509Certificate issued =
          issue(meeting.request(), meeting.enrollment().dossier().validityYears(), clock);
      Files.writeString(sent, Pem.of(issued, authority), StandardCharsets.US_ASCII);
      CertificateAuthority configuration =
          new CertificateAuthority(
              "DÉMONSTRATION", List.of(authority), Optional.empty(), authorityFile);
      CertificateDesk desk = new CertificateDesk(store, clock);
      CertificateVerdict verdict = desk.receive(interventionId, sent, configuration);
      if (!verdict.accepted()) {
        throw new CertificateException(
            "the demonstration certificate is refused: " + verdict.findings());
      }
      desk.accept(interventionId, "DEMONSTRATION", Optional.empty());
      return new CardInstallation(store, clock)
          .install(interventionId, configuration, holderCard, holderPin, officer);
    } catch (IOException | GeneralSecurityException e) {
      throw new CertificateException(
          "the demonstration authority cannot issue: " + e.getMessage(), e);
    }
  }

  private X509Certificate authorityCertificate() throws GeneralSecurityException {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              NAME,
              serial(),
              Date.from(now.minus(1, ChronoUnit.HOURS)),
              Date.from(now.plus(10 * 366L, ChronoUnit.DAYS)),
              NAME,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
      return sign(builder);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  // As the product's profile asks: the request's subject, the years ordered, nonRepudiation, the
  // qualified-certificate statements of a key on a qualified device (EN 319 412-5).
  private X509Certificate issue(PKCS10CertificationRequest request, int years, Clock clock)
      throws GeneralSecurityException, IOException {
    Instant start = clock.instant().minus(1, ChronoUnit.MINUTES);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            NAME,
            serial(),
            Date.from(start),
            Date.from(start.plus(years * 365L, ChronoUnit.DAYS)),
            request.getSubject(),
            request.getSubjectPublicKeyInfo());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authority));
    builder.addExtension(Extension.qCStatements, false, qcStatements());
    requestedAltName(request).ifPresent(san -> addExtension(builder, san));
    return sign(builder);
  }

  private static DERSequence qcStatements() {
    return new DERSequence(
        new ASN1Encodable[] {
          new QCStatement(new ASN1ObjectIdentifier(QC_COMPLIANCE)),
          new QCStatement(new ASN1ObjectIdentifier(QC_SSCD)),
          new QCStatement(
              new ASN1ObjectIdentifier(QC_TYPE),
              new DERSequence(new ASN1ObjectIdentifier(QC_TYPE_ESIGN)))
        });
  }

  private static Optional<Extension> requestedAltName(PKCS10CertificationRequest request) {
    return java.util.Arrays.stream(
            request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest))
        .map(a -> Extensions.getInstance(a.getAttrValues().getObjectAt(0)))
        .map(e -> e.getExtension(Extension.subjectAlternativeName))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private static void addExtension(X509v3CertificateBuilder builder, Extension extension) {
    try {
      builder.addExtension(extension);
    } catch (IOException e) {
      throw new IllegalArgumentException("the request's alternative name: " + e.getMessage(), e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom());
  }
}
