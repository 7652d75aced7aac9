package fr.aed.station.crypto.csr;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Checks a certificate request after it was built: its signature verifies, it carries the public
 * key read from the token, and it is signed with SHA-256.
 */
public final class CertificateRequestCheck {

  private static final Set<ASN1ObjectIdentifier> SHA256_SIGNATURES =
      Set.of(PKCSObjectIdentifiers.sha256WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256);

  /**
   * Lists what is wrong with the request; an empty list means the request is sound.
   *
   * @param request the request to check
   * @param tokenPublicKey the public key the token returned when it generated the pair
   */
  public List<String> problems(PKCS10CertificationRequest request, PublicKey tokenPublicKey) {
    List<String> problems = new ArrayList<>();
    if (!SHA256_SIGNATURES.contains(request.getSignatureAlgorithm().getAlgorithm())) {
      problems.add(
          "signature algorithm "
              + request.getSignatureAlgorithm().getAlgorithm()
              + " is not SHA-256 based");
    }
    if (!samePublicKey(request, tokenPublicKey)) {
      problems.add("the request's public key is not the key generated on the token");
    }
    if (!signatureValid(request, tokenPublicKey)) {
      problems.add("the request's signature does not verify");
    }
    return problems;
  }

  /**
   * Checks the request.
   *
   * @throws InvalidRequestException listing every problem found
   */
  public void verify(PKCS10CertificationRequest request, PublicKey tokenPublicKey)
      throws InvalidRequestException {
    List<String> problems = problems(request, tokenPublicKey);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static boolean samePublicKey(PKCS10CertificationRequest request, PublicKey key) {
    try {
      return Arrays.equals(request.getSubjectPublicKeyInfo().getEncoded(), key.getEncoded());
    } catch (IOException e) {
      return false;
    }
  }

  // Built from the JCA public key: building from SubjectPublicKeyInfo fails for EC on JDK 17.
  private static boolean signatureValid(PKCS10CertificationRequest request, PublicKey key) {
    try {
      return request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      // Bouncy Castle reports a malformed signature (wrong length...) as a runtime exception.
      return false;
    }
  }
}
