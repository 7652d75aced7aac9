package fr.aed.station.crypto.pades;

import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds the detached CMS SignedData of a PAdES baseline B-B signature, signed by the device; a
 * signature timestamp may be added to it before it is encoded.
 */
final class DetachedCmsSignature {

  private DetachedCmsSignature() {}

  /**
   * Signs {@code content} (the PDF bytes the ByteRange covers).
   *
   * @param chain the signing certificate first, then the certificates that issued it
   * @return a CMS SignedData without encapsulated content, with one SignerInfo
   * @throws DeviceSigningException if the device refuses or fails to sign
   * @throws SheetSigningException if the CMS structure cannot be built
   */
  static CMSSignedData sign(byte[] content, DeviceKey key, List<X509Certificate> chain)
      throws DeviceSigningException, SheetSigningException {
    DeviceContentSigner signer = new DeviceContentSigner(key);
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo(signer, chain.get(0)));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
      signer.rethrowFailure();
      return signed;
    } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
      signer.rethrowFailure();
      throw new SheetSigningException("cannot build the CMS signature", e);
    }
  }

  /**
   * The DER of the CMS, as it goes into the signature dictionary's /Contents.
   *
   * @throws SheetSigningException if the CMS cannot be encoded
   */
  static byte[] der(CMSSignedData cms) throws SheetSigningException {
    try {
      return cms.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new SheetSigningException("cannot encode the CMS signature", e);
    }
  }

  private static SignerInfoGenerator signerInfo(DeviceContentSigner signer, X509Certificate signing)
      throws OperatorCreationException, CertificateEncodingException {
    X509CertificateHolder holder = new JcaX509CertificateHolder(signing);
    return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(new BaselineSignedAttributes(holder))
        .build(signer, holder);
  }
}
