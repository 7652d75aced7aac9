package fr.aed.station.crypto.sealing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Collection;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Personal data sealed for one recipient's card, in a standard format an auditor can open with any
 * CMS tool: a CMS AuthEnvelopedData (RFC 5083) whose content is encrypted with a fresh AES-256-GCM
 * data key, the data key wrapped with RSAES-OAEP (SHA-256, MGF1-SHA-256) for the recipient's
 * key-management certificate. Sealing needs only the certificate; opening needs the card.
 */
public final class SealedEnvelope {

  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private SealedEnvelope() {}

  /**
   * Seals {@code content} for the holder of {@code recipient}'s private key.
   *
   * @return the DER encoding of the CMS AuthEnvelopedData
   * @throws SealingException if the certificate's key is not RSA
   */
  public static byte[] seal(byte[] content, X509Certificate recipient) throws SealingException {
    if (!(recipient.getPublicKey() instanceof RSAPublicKey)) {
      throw new SealingException(
          "the key-management certificate "
              + recipient.getSubjectX500Principal().getName()
              + " does not hold an RSA key: personal data can only be sealed for an RSA key");
    }
    try {
      CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
      generator.addRecipientInfoGenerator(
          new JceKeyTransRecipientInfoGenerator(recipient, oaepSha256()).setProvider(PROVIDER));
      CMSAuthEnvelopedData sealed =
          generator.generate(
              new CMSProcessableByteArray(content),
              (OutputAEADEncryptor)
                  new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                      .setProvider(PROVIDER)
                      .build());
      return sealed.getEncoded();
    } catch (GeneralSecurityException | CMSException | IOException e) {
      throw new SealingException("the data could not be sealed: " + e.getMessage(), e);
    }
  }

  /**
   * Opens what {@link #seal} sealed for {@code recipient}, unwrapping the data key on the device.
   *
   * @throws SealingException if the bytes are not a sealed envelope, hold nothing for this
   *     recipient, were altered (the GCM tag fails), or the device refuses
   */
  public static byte[] open(byte[] sealed, X509Certificate recipient, DeviceDecryption device)
      throws SealingException {
    CMSAuthEnvelopedData envelope = parse(sealed);
    Collection<RecipientInformation> recipients;
    try {
      recipients =
          envelope.getRecipientInfos().getRecipients(new JceKeyTransRecipientId(recipient));
    } catch (RuntimeException e) {
      throw new SealingException("the sealed data names no readable recipient", e);
    }
    if (recipients.isEmpty()) {
      throw new SealingException(
          "the data is sealed for another key than "
              + recipient.getSubjectX500Principal().getName());
    }
    DeviceKeyTransRecipient unwrapper = new DeviceKeyTransRecipient(device);
    try {
      return recipients.iterator().next().getContent(unwrapper);
    } catch (CMSException e) {
      throw unwrapper
          .failure()
          .orElseGet(() -> new SealingException("the sealed data was altered or is damaged", e));
    }
  }

  private static CMSAuthEnvelopedData parse(byte[] sealed) throws SealingException {
    try {
      return new CMSAuthEnvelopedData(sealed);
    } catch (CMSException | RuntimeException e) {
      throw new SealingException("the bytes are not sealed data (CMS AuthEnvelopedData)", e);
    }
  }

  static AlgorithmIdentifier oaepSha256() throws GeneralSecurityException {
    return new JcaAlgorithmParametersConverter()
        .getAlgorithmIdentifier(
            org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSAES_OAEP,
            new OAEPParameterSpec(
                "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
  }
}
