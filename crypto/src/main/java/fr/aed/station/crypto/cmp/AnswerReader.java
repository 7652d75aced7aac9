package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.CertOrEncCert;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollRepContent;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** Reads a checked cp, ip or pollRep into what it means for the enrollment. */
final class AnswerReader {

  /** The longest delay before the next poll the station takes from a CA. */
  static final Duration LONGEST_WAIT = Duration.ofDays(30);

  private AnswerReader() {}

  /**
   * Reads a cp or ip.
   *
   * @param certReqIds the certReqIds the answer may carry
   */
  static CmpAnswer certificateAnswer(CheckedAnswer answer, Set<Integer> certReqIds)
      throws CmpException {
    try {
      return readCertificateAnswer(answer, certReqIds);
    } catch (RuntimeException e) {
      // BC reports a body of the wrong shape as IllegalArgumentException or ClassCastException.
      throw new CmpException(Kind.MALFORMED, "the CA's certificate response is unreadable", e);
    }
  }

  /** Reads a pollRep for the transaction's certReqId. */
  static CmpAnswer pollAnswer(CheckedAnswer answer, int certReqId) throws CmpException {
    try {
      return readPollAnswer(answer, certReqId);
    } catch (RuntimeException e) {
      throw new CmpException(Kind.MALFORMED, "the CA's pollRep is unreadable", e);
    }
  }

  private static CmpAnswer readCertificateAnswer(CheckedAnswer answer, Set<Integer> certReqIds)
      throws CmpException {
    CertResponse response = onlyResponse(CertRepMessage.getInstance(answer.body().getContent()));
    int certReqId = certReqId(response.getCertReqId().intValueExact(), certReqIds);
    CmpTransaction transaction = answer.transaction(certReqId);
    PKIStatusInfo status = response.getStatus();
    int value = status.getStatus().intValueExact();
    if (value == PKIStatus.GRANTED || value == PKIStatus.GRANTED_WITH_MODS) {
      return issued(answer, transaction, response);
    }
    String reason = CmpBodies.text(status.getStatusString());
    if (value == PKIStatus.WAITING) {
      return new CmpAnswer.Waiting(transaction, Duration.ZERO, reason);
    }
    return new CmpAnswer.Refused(
        transaction, CmpBodies.statusName(status), CmpBodies.failures(status), reason);
  }

  private static CmpAnswer readPollAnswer(CheckedAnswer answer, int certReqId) throws CmpException {
    PollRepContent content = PollRepContent.getInstance(answer.body().getContent());
    if (content.size() != 1) {
      throw malformed("the CA's pollRep has " + content.size() + " entries instead of one");
    }
    certReqId(content.getCertReqId(0).intValueExact(), Set.of(certReqId));
    return new CmpAnswer.Waiting(
        answer.transaction(certReqId),
        checkAfter(content.getCheckAfter(0).getValue()),
        CmpBodies.text(content.getReason(0)));
  }

  // The CA's delay is advice: a negative one means now, and none is longer than LONGEST_WAIT, so
  // that a hostile 2^62 cannot overflow the date of the next poll.
  static Duration checkAfter(BigInteger seconds) {
    if (seconds.signum() < 0) {
      return Duration.ZERO;
    }
    if (seconds.compareTo(BigInteger.valueOf(LONGEST_WAIT.toSeconds())) > 0) {
      return LONGEST_WAIT;
    }
    return Duration.ofSeconds(seconds.longValueExact());
  }

  private static CertResponse onlyResponse(CertRepMessage message) throws CmpException {
    CertResponse[] responses = message.getResponse();
    if (responses.length != 1) {
      throw malformed("the CA answered " + responses.length + " certificate responses, not one");
    }
    return responses[0];
  }

  private static int certReqId(int received, Set<Integer> expected) throws CmpException {
    if (!expected.contains(received)) {
      throw malformed("the CA answered certReqId " + received + ", not " + expected);
    }
    return received;
  }

  private static CmpAnswer issued(
      CheckedAnswer answer, CmpTransaction transaction, CertResponse response) throws CmpException {
    if (response.getCertifiedKeyPair() == null) {
      throw malformed("the CA granted the request but sent no certificate");
    }
    CertOrEncCert certOrEncCert = response.getCertifiedKeyPair().getCertOrEncCert();
    if (certOrEncCert.hasEncryptedCertificate() || certOrEncCert.getCertificate() == null) {
      throw malformed("the CA sent the certificate encrypted, which the station cannot read");
    }
    X509Certificate certificate = x509(certOrEncCert.getCertificate());
    CertRepMessage message = CertRepMessage.getInstance(answer.body().getContent());
    return new CmpAnswer.Issued(
        transaction,
        certificate,
        authorityCertificates(message, answer),
        grantsImplicitConfirm(answer));
  }

  private static List<X509Certificate> authorityCertificates(
      CertRepMessage message, CheckedAnswer answer) throws CmpException {
    Set<X509Certificate> found = new LinkedHashSet<>();
    if (message.getCaPubs() != null) {
      for (CMPCertificate certificate : message.getCaPubs()) {
        found.add(x509(certificate));
      }
    }
    CMPCertificate[] extraCerts = answer.message().toASN1Structure().getExtraCerts();
    if (extraCerts != null) {
      for (CMPCertificate certificate : extraCerts) {
        found.add(x509(certificate));
      }
    }
    if (answer.signer() != null) {
      found.remove(x509(new CMPCertificate(answer.signer().toASN1Structure())));
    }
    return new ArrayList<>(found);
  }

  private static boolean grantsImplicitConfirm(CheckedAnswer answer) {
    InfoTypeAndValue[] infos = answer.header().getGeneralInfo();
    if (infos == null) {
      return false;
    }
    for (InfoTypeAndValue info : infos) {
      if (CMPObjectIdentifiers.it_implicitConfirm.equals(info.getInfoType())) {
        return true;
      }
    }
    return false;
  }

  private static X509Certificate x509(CMPCertificate certificate) throws CmpException {
    if (!certificate.isX509v3PKCert()) {
      throw malformed("the CA sent a certificate that is not an X.509 certificate");
    }
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(new X509CertificateHolder(certificate.getX509v3PKCert()));
    } catch (CertificateException e) {
      throw new CmpException(Kind.MALFORMED, "the CA sent an unreadable certificate", e);
    }
  }

  static boolean isCertificateResponse(PKIBody body) {
    return body.getType() == PKIBody.TYPE_CERT_REP || body.getType() == PKIBody.TYPE_INIT_REP;
  }

  private static CmpException malformed(String message) {
    return new CmpException(Kind.MALFORMED, message);
  }
}
