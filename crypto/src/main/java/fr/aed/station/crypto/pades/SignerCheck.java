package fr.aed.station.crypto.pades;

import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The checks of a CMS SignedData's only signer: its certificate, signature, attributes and
 * signature timestamp.
 */
record SignerCheck(
    String subject,
    boolean verifies,
    boolean certificateMatches,
    Optional<TimestampCheck> timestamp,
    byte[] certificate) {

  static final SignerCheck BROKEN =
      new SignerCheck("", false, false, Optional.empty(), new byte[0]);

  /** Checks the first signer of the CMS, whose detached content is already attached. */
  static SignerCheck of(CMSSignedData cms) {
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      return BROKEN;
    }
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
    if (matches.isEmpty()) {
      return BROKEN;
    }
    X509CertificateHolder certificate = matches.iterator().next();
    return new SignerCheck(
        rfc4514(certificate),
        verifies(signer, certificate),
        namesCertificate(signer, certificate),
        SignatureTimestamp.check(signer),
        encoded(certificate));
  }

  private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (CMSException | OperatorCreationException | CertificateException e) {
      // BC reports a message-digest mismatch as an exception: the signature does not verify.
      return false;
    }
  }

  private static boolean namesCertificate(
      SignerInformation signer, X509CertificateHolder certificate) {
    if (signer.getSignedAttributes() == null) {
      return false;
    }
    Attribute attribute =
        signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      return false;
    }
    ESSCertIDv2[] ids =
        SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
    return ids.length > 0 && identifies(ids[0], certificate);
  }

  private static boolean identifies(ESSCertIDv2 id, X509CertificateHolder certificate) {
    if (!NISTObjectIdentifiers.id_sha256.equals(id.getHashAlgorithm().getAlgorithm())) {
      return false;
    }
    byte[] hash = BaselineSignedAttributes.sha256(encoded(certificate));
    if (!Arrays.equals(hash, id.getCertHash())) {
      return false;
    }
    IssuerSerial issuerSerial = id.getIssuerSerial();
    return issuerSerial == null
        || (issuerSerial.getSerial().getValue().equals(certificate.getSerialNumber())
            && issuerSerial.getIssuer().getNames().length == 1
            && issuerSerial
                .getIssuer()
                .getNames()[0]
                .equals(new GeneralName(certificate.getIssuer())));
  }

  private static String rfc4514(X509CertificateHolder certificate) {
    try {
      return new X500Principal(certificate.getSubject().getEncoded())
          .getName(X500Principal.RFC2253);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a parsed name re-encodes", e);
    }
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }
}
