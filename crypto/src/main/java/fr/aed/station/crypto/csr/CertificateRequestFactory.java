package fr.aed.station.crypto.csr;

import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Pem;
import java.io.IOException;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * Builds a SHA-256 PKCS#10 certificate request whose signature is computed by the device that holds
 * the key.
 */
public final class CertificateRequestFactory {

  /**
   * Builds and signs the request.
   *
   * @param subject the subject, with the e-mail for subjectAltName
   * @param key the key on the device; its public key goes in the request
   * @return the signed request
   * @throws DeviceSigningException if the device could not sign
   * @throws IllegalArgumentException if the e-mail is not printable ASCII, which the request lint
   *     refuses
   */
  public PKCS10CertificationRequest build(RequestSubject subject, DeviceKey key)
      throws DeviceSigningException {
    SubjectPublicKeyInfo publicKeyInfo =
        SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded());
    PKCS10CertificationRequestBuilder builder =
        new PKCS10CertificationRequestBuilder(subject.toX500Name(), publicKeyInfo);
    if (subject.email() != null && !subject.email().isBlank()) {
      builder.addAttribute(
          PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, emailExtension(subject.email()));
    }
    DeviceContentSigner signer = new DeviceContentSigner(key);
    PKCS10CertificationRequest request = builder.build(signer);
    signer.rethrowFailure();
    return request;
  }

  /** The request in PEM, as written to disk and sent to the certificate authority. */
  public static String toPem(PKCS10CertificationRequest request) {
    return Pem.of(request);
  }

  private static org.bouncycastle.asn1.x509.Extensions emailExtension(String email) {
    try {
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(
          Extension.subjectAlternativeName,
          false,
          // Validated: Bouncy Castle would otherwise keep the low byte of a non-ASCII character.
          new GeneralNames(new GeneralName(GeneralName.rfc822Name, new DERIA5String(email, true))));
      return extensions.generate();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode e-mail " + email, e);
    }
  }
}
