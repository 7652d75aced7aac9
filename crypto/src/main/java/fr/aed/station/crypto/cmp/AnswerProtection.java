package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.cmp.PBMParameter;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks the protection of the authority's answers: the MAC with the shared secret (password hashed
 * with SHA-2 at least 500 times, HMAC-SHA2 or HMAC-SHA1), or a signature by one of the trusted
 * certificates themselves, or by a certificate marked id-kp-cmcRA or id-kp-cmcCA that chains to a
 * trusted CA certificate. Unprotected answers are refused, error messages included (CMP lets a
 * client accept unprotected errors; the station does not, so that a forged error cannot end an
 * enrollment).
 */
final class AnswerProtection {

  // A CA cannot make the station hash a password billions of times.
  private static final int MOST_ITERATIONS = 100_000;

  // OpenSSL's CMP server (3.0 to 3.5) MACs with HMAC-SHA1 over 500 iterations of SHA-256 and has
  // no option to change it: RFC 9481's HMAC-SHA2 and 1000 iterations would refuse every CA built
  // on it. HMAC-SHA1 is not broken as a MAC; what guessing the secret costs is the OWF and count.
  private static final int FEWEST_ITERATIONS = 500;
  // SHA-256, SHA-384, SHA-512.
  private static final Set<String> STRONG_OWFS =
      Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3");
  // hmacWithSHA256, -384, -512 (RFC 8018), and HMAC-SHA1 (RFC 3370) for OpenSSL's server.
  private static final Set<String> STRONG_MACS =
      Set.of(
          "1.2.840.113549.2.9", "1.2.840.113549.2.10", "1.2.840.113549.2.11", "1.3.6.1.5.5.8.1.2");
  // id-kp-cmcCA and id-kp-cmcRA (RFC 6402): what a CA marks a certificate that signs its answers.
  private static final Set<String> CMP_SIGNER_USAGES =
      Set.of("1.3.6.1.5.5.7.3.27", "1.3.6.1.5.5.7.3.28");

  private final CmpProtection protection;
  private final List<X509Certificate> trusted;

  AnswerProtection(CmpProtection protection, List<X509Certificate> trusted) {
    this.protection = protection;
    this.trusted = trusted;
  }

  /**
   * @return the certificate that signed the answer, or null for a MAC-protected answer
   * @throws CmpException BAD_PROTECTION if the protection is missing, of the other kind, or wrong
   */
  X509CertificateHolder check(GeneralPKIMessage answer, Instant now) throws CmpException {
    if (!answer.hasProtection()) {
      throw bad(
          "the CA's "
              + CmpBodies.name(answer.getBody())
              + " is not protected; the station refuses unprotected answers, errors included");
    }
    ProtectedPKIMessage message = new ProtectedPKIMessage(answer);
    if (protection instanceof CmpProtection.SharedSecret secret) {
      checkMac(message, secret.secret());
      return null;
    }
    return checkSignature(message, now);
  }

  private static void checkMac(ProtectedPKIMessage message, char[] secret) throws CmpException {
    if (!message.hasPasswordBasedMacProtection()) {
      throw bad("the CA's answer is signed, not MAC-protected with the shared secret");
    }
    checkMacStrength(message.getHeader().getProtectionAlg());
    boolean valid;
    try {
      valid =
          message.verify(
              new PKMACBuilder(
                  new JcePKMACValuesCalculator().setProvider(OutgoingProtection.PROVIDER),
                  MOST_ITERATIONS),
              secret);
    } catch (CMPException | RuntimeException e) {
      // BC reports bad or excessive MAC parameters as IllegalArgumentException.
      throw new CmpException(Kind.BAD_PROTECTION, "the CA's MAC cannot be checked", e);
    }
    if (!valid) {
      throw bad("the CA's MAC does not match the shared secret");
    }
  }

  // A password hashed by a broken function, or a few times, lets whoever holds one answer guess
  // the shared secret offline: such answers are refused before the MAC is computed.
  private static void checkMacStrength(AlgorithmIdentifier algorithm) throws CmpException {
    PBMParameter parameters;
    try {
      parameters = PBMParameter.getInstance(algorithm.getParameters());
    } catch (RuntimeException e) {
      throw new CmpException(Kind.BAD_PROTECTION, "the CA's MAC parameters are unreadable", e);
    }
    if (parameters == null) {
      throw bad("the CA's MAC has no parameters");
    }
    String owf = parameters.getOwf().getAlgorithm().getId();
    if (!STRONG_OWFS.contains(owf)) {
      throw bad("the CA's MAC hashes the secret with " + owf + ", not SHA-256, -384 or -512");
    }
    String mac = parameters.getMac().getAlgorithm().getId();
    if (!STRONG_MACS.contains(mac)) {
      throw bad("the CA's MAC is " + mac + ", not HMAC-SHA256, -384, -512 or HMAC-SHA1");
    }
    BigInteger iterations = parameters.getIterationCount().getValue();
    if (iterations.compareTo(BigInteger.valueOf(FEWEST_ITERATIONS)) < 0) {
      throw bad(
          "the CA's MAC hashes the secret "
              + iterations
              + " times, fewer than "
              + FEWEST_ITERATIONS);
    }
  }

  private X509CertificateHolder checkSignature(ProtectedPKIMessage message, Instant now)
      throws CmpException {
    if (message.hasPasswordBasedMacProtection()) {
      throw bad("the CA's answer is MAC-protected; the station expects the CA's signature");
    }
    List<X509CertificateHolder> sent = List.of(message.getCertificates());
    X509CertificateHolder signer =
        signer(message, sent)
            .orElseThrow(
                () ->
                    bad(
                        "the CA's signature verifies with none of the certificates sent or"
                            + " trusted"));
    if (!isTrusted(signer, sent, now)) {
      throw bad("the CA's answer is signed by " + signer.getSubject() + ", which is not trusted");
    }
    return signer;
  }

  private Optional<X509CertificateHolder> signer(
      ProtectedPKIMessage message, List<X509CertificateHolder> sent) {
    List<X509CertificateHolder> candidates = new ArrayList<>(sent);
    for (X509Certificate certificate : trusted) {
      try {
        candidates.add(new X509CertificateHolder(certificate.getEncoded()));
      } catch (GeneralSecurityException | java.io.IOException e) {
        // A trusted certificate that cannot be encoded cannot have signed either.
      }
    }
    return candidates.stream().filter(candidate -> verifies(message, candidate)).findFirst();
  }

  private static boolean verifies(ProtectedPKIMessage message, X509CertificateHolder candidate) {
    try {
      return message.verify(
          new JcaContentVerifierProviderBuilder()
              .setProvider(OutgoingProtection.PROVIDER)
              .build(candidate));
    } catch (CMPException | OperatorCreationException | GeneralSecurityException e) {
      return false;
    } catch (RuntimeException e) {
      // A candidate whose key does not suit the signature algorithm.
      return false;
    }
  }

  private boolean isTrusted(
      X509CertificateHolder signer, List<X509CertificateHolder> sent, Instant now) {
    try {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      X509Certificate certificate = converter.getCertificate(signer);
      if (trusted.contains(certificate)) {
        certificate.checkValidity(Date.from(now));
        return true;
      }
      // Any end-entity certificate of the CA (a holder's, an officer's) chains to it too: only
      // one the CA marked for CMP may sign its answers.
      return isCmpSigner(certificate) && chains(certificate, converter, sent, now);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean isCmpSigner(X509Certificate certificate)
      throws CertificateParsingException {
    List<String> usages = certificate.getExtendedKeyUsage();
    return usages != null && usages.stream().anyMatch(CMP_SIGNER_USAGES::contains);
  }

  private boolean chains(
      X509Certificate certificate,
      JcaX509CertificateConverter converter,
      List<X509CertificateHolder> sent,
      Instant now)
      throws GeneralSecurityException {
    List<X509Certificate> intermediates = new ArrayList<>();
    for (X509CertificateHolder holder : sent) {
      intermediates.add(converter.getCertificate(holder));
    }
    // Only CA certificates anchor a chain: a configured end-entity certificate is trusted itself.
    Set<TrustAnchor> anchors =
        trusted.stream()
            .filter(ca -> ca.getBasicConstraints() >= 0)
            .map(ca -> new TrustAnchor(ca, null))
            .collect(Collectors.toSet());
    if (anchors.isEmpty()) {
      return false;
    }
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(certificate);
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
    parameters.addCertStore(
        CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
    // The CA's own answer is what is checked; revocation of its CMP certificate is out of reach.
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(now));
    try {
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return true;
    } catch (java.security.cert.CertPathBuilderException e) {
      return false;
    }
  }

  private static CmpException bad(String message) {
    return new CmpException(Kind.BAD_PROTECTION, message);
  }
}
