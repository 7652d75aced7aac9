package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.SoftwareDeviceKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CertOrEncCert;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.CertifiedKeyPair;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PBMParameter;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIHeaderBuilder;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollRepContent;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Answers of a scripted authority, built with Bouncy Castle, and the ways to spoil them. */
final class CaAnswers {

  static final X500Name CA_NAME = new X500Name("CN=Scripted CA,C=FR");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CaAnswers() {}

  /** A cp granting {@code certificate} for the p10cr (certReqId -1, RFC 9483). */
  static PKIBody granted(X509Certificate certificate) throws Exception {
    CMPCertificate issued =
        new CMPCertificate(new X509CertificateHolder(certificate.getEncoded()).toASN1Structure());
    CertResponse response =
        new CertResponse(
            new ASN1Integer(-1),
            new PKIStatusInfo(PKIStatus.granted),
            new CertifiedKeyPair(new CertOrEncCert(issued)),
            null);
    return new PKIBody(
        PKIBody.TYPE_CERT_REP, new CertRepMessage(null, new CertResponse[] {response}));
  }

  /** A cp saying the authority will issue later (certReqId -1). */
  static PKIBody waiting() {
    CertResponse response =
        new CertResponse(new ASN1Integer(-1), new PKIStatusInfo(PKIStatus.waiting));
    return new PKIBody(
        PKIBody.TYPE_CERT_REP, new CertRepMessage(null, new CertResponse[] {response}));
  }

  /** A pollRep for the p10cr's certReqId -1, saying to check again after {@code seconds}. */
  static PKIBody pollRep(BigInteger seconds) {
    return new PKIBody(
        PKIBody.TYPE_POLL_REP, new PollRepContent(new ASN1Integer(-1), new ASN1Integer(seconds)));
  }

  /** {@code levels} indefinite-length SEQUENCEs, each inside the previous one (BER). */
  static byte[] nestedSequences(int levels) {
    byte[] encoding = new byte[4 * levels];
    for (int level = 0; level < levels; level++) {
      encoding[2 * level] = 0x30;
      encoding[2 * level + 1] = (byte) 0x80;
    }
    return encoding; // the second half is the end-of-contents octets, zeros
  }

  /** An error message saying the authority is unavailable. */
  static PKIBody error(String text) {
    return new PKIBody(
        PKIBody.TYPE_ERROR,
        new ErrorMsgContent(
            new PKIStatusInfo(
                PKIStatus.rejection,
                new PKIFreeText(text),
                new PKIFailureInfo(PKIFailureInfo.systemUnavail))));
  }

  /** A builder for the answer to {@code request}: its transaction, its nonce as recipNonce. */
  static ProtectedPKIMessageBuilder answerTo(PKIMessage request, PKIBody body) {
    PKIHeader header = request.getHeader();
    return new ProtectedPKIMessageBuilder(new GeneralName(CA_NAME), header.getSender())
        .setTransactionID(header.getTransactionID().getOctets())
        .setRecipNonce(header.getSenderNonce().getOctets())
        .setSenderNonce(nonce())
        .setBody(body);
  }

  /** MAC-protected as RFC 9481 asks: SHA-256, 10 000 iterations, HMAC-SHA256. */
  static byte[] macProtected(ProtectedPKIMessageBuilder builder, String secret) throws Exception {
    return macProtected(
        builder,
        secret,
        NISTObjectIdentifiers.id_sha256,
        10_000,
        PKCSObjectIdentifiers.id_hmacWithSHA256);
  }

  /** MAC-protected with the password hashed {@code iterations} times by {@code owf}. */
  static byte[] macProtected(
      ProtectedPKIMessageBuilder builder,
      String secret,
      ASN1ObjectIdentifier owf,
      int iterations,
      ASN1ObjectIdentifier mac)
      throws Exception {
    PKMACBuilder macBuilder =
        new PKMACBuilder(new JcePKMACValuesCalculator().setProvider(new BouncyCastleProvider()))
            .setParameters(
                new PBMParameter(
                    nonce(),
                    new AlgorithmIdentifier(owf),
                    iterations,
                    new AlgorithmIdentifier(mac, DERNull.INSTANCE)));
    return der(builder.build(macBuilder.build(secret.toCharArray())).toASN1Structure());
  }

  static byte[] signed(
      ProtectedPKIMessageBuilder builder, SoftwareDeviceKey key, X509Certificate certificate)
      throws Exception {
    return der(
        builder
            .addCMPCertificate(new X509CertificateHolder(certificate.getEncoded()))
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.privateKeyForTests()))
            .toASN1Structure());
  }

  /** The answer to {@code request} with no protection at all. */
  static byte[] unprotected(PKIMessage request, PKIBody body) throws Exception {
    PKIHeader header = request.getHeader();
    PKIHeader answer =
        new PKIHeaderBuilder(PKIHeader.CMP_2000, new GeneralName(CA_NAME), header.getSender())
            .setTransactionID(header.getTransactionID())
            .setRecipNonce(header.getSenderNonce())
            .setSenderNonce(nonce())
            .build();
    return der(new PKIMessage(answer, body));
  }

  static byte[] nonce() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  private static byte[] der(PKIMessage message) throws Exception {
    return message.getEncoded(ASN1Encoding.DER);
  }
}
