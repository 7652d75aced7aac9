package fr.aed.station.crypto.pades;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;

/**
 * The signed attributes of a PAdES baseline B-B signature: content-type, message-digest and
 * signing-certificate-v2, and no signing-time (ETSI EN 319 142-1, 5.4: the time is the signature
 * dictionary's /M). Bouncy Castle's default generator adds signing-time, removed here.
 */
final class BaselineSignedAttributes implements CMSAttributeTableGenerator {

  private final DefaultSignedAttributeTableGenerator standard;

  BaselineSignedAttributes(X509CertificateHolder signingCertificate) {
    this.standard =
        new DefaultSignedAttributeTableGenerator(
            new AttributeTable(signingCertificateV2(signingCertificate)));
  }

  @Override
  @SuppressWarnings("rawtypes") // Bouncy Castle's interface takes a raw Map
  public AttributeTable getAttributes(Map parameters) {
    return standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
  }

  /** The ESS signing-certificate-v2 attribute: SHA-256 of the certificate, issuer and serial. */
  static Attribute signingCertificateV2(X509CertificateHolder certificate) {
    IssuerSerial issuerSerial =
        new IssuerSerial(certificate.getIssuer(), certificate.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(sha256(encoded(certificate)), issuerSerial);
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
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
