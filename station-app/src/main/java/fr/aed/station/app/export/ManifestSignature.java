package fr.aed.station.app.export;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * {@code manifest.json.p7s}: the officer's detached CMS signature over the manifest, made on the
 * officer's token, with the certificate chain included and the CAdES baseline B signed attributes
 * (content-type, message-digest, signing-time and signing-certificate-v2, ETSI EN 319 122-1).
 */
final class ManifestSignature {

  static final String FILE_NAME = PackageManifest.FILE_NAME + ".p7s";

  private ManifestSignature() {}

  /**
   * Signs the manifest's bytes.
   *
   * @return the DER of a CMS SignedData without encapsulated content
   * @throws DeviceSigningException if the officer's token refuses or fails to sign
   * @throws ExportException if the CMS structure cannot be built
   */
  static byte[] sign(byte[] manifest, OfficerCredential officer)
      throws DeviceSigningException, ExportException {
    DeviceContentSigner signer = new DeviceContentSigner(officer.key());
    try {
      X509CertificateHolder signing = new JcaX509CertificateHolder(officer.certificate());
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo(signer, signing));
      generator.addCertificates(new JcaCertStore(officer.chain()));
      byte[] der =
          generator
              .generate(new CMSProcessableByteArray(manifest), false)
              .getEncoded(ASN1Encoding.DER);
      signer.rethrowFailure();
      return der;
    } catch (CMSException
        | OperatorCreationException
        | CertificateEncodingException
        | IOException e) {
      signer.rethrowFailure();
      throw new ExportException("cannot build the manifest's signature: " + e.getMessage(), e);
    }
  }

  private static SignerInfoGenerator signerInfo(
      DeviceContentSigner signer, X509CertificateHolder signing)
      throws OperatorCreationException, IOException {
    AttributeTable essAttributes = new AttributeTable(signingCertificateV2(signing));
    return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(essAttributes))
        .build(signer, signing);
  }

  private static Attribute signingCertificateV2(X509CertificateHolder certificate)
      throws IOException {
    IssuerSerial issuerSerial =
        new IssuerSerial(certificate.getIssuer(), certificate.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(Fingerprints.sha256(certificate.getEncoded()), issuerSerial);
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }
}
