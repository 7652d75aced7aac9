package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cmp.PBMParameter;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.MacCalculator;

/** Protects the station's messages with the shared secret's MAC or the officer's signature. */
final class OutgoingProtection {

  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  private static final int SALT_LENGTH = 16;
  private static final int ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CmpProtection protection;

  OutgoingProtection(CmpProtection protection) {
    this.protection = protection;
  }

  /**
   * A builder with the sender, senderKID and extraCerts this protection calls for; the caller adds
   * the rest of the header and the body.
   */
  ProtectedPKIMessageBuilder builder(X500Name recipient) throws CmpException {
    if (protection instanceof CmpProtection.Signature signature) {
      X509CertificateHolder certificate = holder(signature.certificate());
      ProtectedPKIMessageBuilder builder =
          new ProtectedPKIMessageBuilder(
              PKIHeader.CMP_2000, new GeneralName(certificate.getSubject()), name(recipient));
      byte[] keyId = subjectKeyId(certificate);
      if (keyId != null) {
        builder.setSenderKID(keyId);
      }
      // RFC 4210 5.1.3.3: the protecting certificate comes first in extraCerts.
      builder.addCMPCertificate(certificate);
      for (X509Certificate link : signature.chain()) {
        builder.addCMPCertificate(holder(link));
      }
      return builder;
    }
    CmpProtection.SharedSecret secret = (CmpProtection.SharedSecret) protection;
    // RFC 9483 3.1: with MAC protection and no name of its own, the sender is the NULL-DN.
    return new ProtectedPKIMessageBuilder(
            PKIHeader.CMP_2000, name(new X500Name(new RDN[0])), name(recipient))
        .setSenderKID(secret.reference().getBytes(StandardCharsets.UTF_8));
  }

  /** Computes the protection over the built header and body. */
  ProtectedPKIMessage protect(ProtectedPKIMessageBuilder builder) throws CmpException {
    try {
      if (protection instanceof CmpProtection.Signature signature) {
        DeviceContentSigner signer = new DeviceContentSigner(signature.key());
        ProtectedPKIMessage message = builder.build(signer);
        signer.rethrowFailure();
        return message;
      }
      return builder.build(mac(((CmpProtection.SharedSecret) protection).secret()));
    } catch (DeviceSigningException e) {
      throw new CmpException(
          Kind.BAD_PROTECTION, "cannot protect the message: the officer's card did not sign", e);
    } catch (CMPException | CRMFException e) {
      throw new CmpException(Kind.BAD_PROTECTION, "cannot protect the message", e);
    }
  }

  private static MacCalculator mac(char[] secret) throws CRMFException {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    PBMParameter parameters =
        new PBMParameter(
            salt,
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
            ITERATIONS,
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256));
    return new PKMACBuilder(new JcePKMACValuesCalculator().setProvider(PROVIDER))
        .setParameters(parameters)
        .build(secret);
  }

  private static GeneralName name(X500Name name) {
    return new GeneralName(name);
  }

  private static byte[] subjectKeyId(X509CertificateHolder certificate) {
    Extension extension = certificate.getExtension(Extension.subjectKeyIdentifier);
    return extension == null
        ? null
        : SubjectKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifier();
  }

  static X509CertificateHolder holder(X509Certificate certificate) throws CmpException {
    try {
      return new X509CertificateHolder(certificate.getEncoded());
    } catch (CertificateEncodingException | java.io.IOException e) {
      throw new CmpException(Kind.BAD_PROTECTION, "cannot encode the certificate", e);
    }
  }
}
