package fr.aed.station.crypto.pades;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * What was found about the RFC 3161 signature timestamp of a signature (PAdES baseline B-T),
 * without trust decisions: whether the authority's certificate is trusted is for a validator with
 * trust anchors (EU DSS) to say.
 *
 * @param time the time the authority vouches for (the token's genTime); null when the attribute
 *     holds no readable token
 * @param authoritySubject the subject of the certificate the token names as signer, as an RFC 4514
 *     string; empty when the token does not carry it
 * @param imprintMatches whether the token's message imprint is the digest of the signature value
 * @param tokenVerifies whether the token's own signature verifies with the certificate it carries,
 *     a certificate for time-stamping only (critical extendedKeyUsage id-kp-timeStamping) valid at
 *     that time
 */
public record TimestampCheck(
    Instant time, String authoritySubject, boolean imprintMatches, boolean tokenVerifies) {

  /** Whether the token covers the signature value and verifies. */
  public boolean valid() {
    return imprintMatches && tokenVerifies;
  }

  /** Checks a parsed token against the signature value it should cover. */
  static TimestampCheck of(TimeStampToken token, byte[] signatureValue) {
    X509CertificateHolder authority = authorityCertificate(token);
    return new TimestampCheck(
        token.getTimeStampInfo().getGenTime().toInstant(),
        authority == null ? "" : rfc4514(authority),
        imprintMatches(token, signatureValue),
        authority != null && verifies(token, authority));
  }

  private static X509CertificateHolder authorityCertificate(TimeStampToken token) {
    Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
    return matches.isEmpty() ? null : matches.iterator().next();
  }

  private static boolean imprintMatches(TimeStampToken token, byte[] signatureValue) {
    try {
      DigestCalculator digest =
          new JcaDigestCalculatorProviderBuilder()
              .build()
              .get(token.getTimeStampInfo().getHashAlgorithm());
      try (OutputStream out = digest.getOutputStream()) {
        out.write(signatureValue);
      }
      return Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest());
    } catch (OperatorCreationException | IOException e) {
      // An imprint algorithm this platform does not know cannot be shown to match.
      return false;
    }
  }

  private static boolean verifies(TimeStampToken token, X509CertificateHolder authority) {
    try {
      // BC checks the signature, the ESS certificate reference and the key purpose here.
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
      return true;
    } catch (TSPException | OperatorCreationException | CertificateException e) {
      return false;
    }
  }

  private static String rfc4514(X509CertificateHolder certificate) {
    try {
      return new X500Principal(certificate.getSubject().getEncoded())
          .getName(X500Principal.RFC2253);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed name re-encodes", e);
    }
  }
}
