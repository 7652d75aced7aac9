package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.NestingDepth;
import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cmp.CertConfirmContent;
import org.bouncycastle.asn1.cmp.CertStatus;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollReqContent;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.CertificateConfirmationContent;
import org.bouncycastle.cert.cmp.CertificateConfirmationContentBuilder;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Enrolls the holder's PKCS#10 request with the certificate authority over CMP (RFC 4210, the
 * lightweight profile of RFC 9483, HTTP transfer of RFC 6712), without asking for implicit
 * confirmation.
 *
 * <p>Every answer is checked before it is read, in this order: HTTP status 200 and content type
 * application/pkixcmp ({@link CmpException.Kind#HTTP_ERROR}); a CMP message ({@code MALFORMED});
 * protected as the station's own messages are ({@code BAD_PROTECTION}: unprotected answers are
 * refused, error messages included); the station's transactionID ({@code WRONG_TRANSACTION}); the
 * senderNonce of the message just sent as recipNonce, which a replayed answer lacks ({@code
 * WRONG_NONCE}); not an error message ({@code CA_ERROR}); the body expected ({@code MALFORMED}).
 */
public final class CmpClient {

  private static final int NONCE_LENGTH = 16;
  // RFC 4210 5.3.4 numbers a p10cr's only request 0, RFC 9483 4.1.4 says -1; servers use either.
  private static final Set<Integer> P10CR_IDS = Set.of(0, -1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CmpEndpoint endpoint;
  private final Clock clock;
  private final CmpHttp http;
  private final OutgoingProtection outgoing;
  private final AnswerProtection answers;

  public CmpClient(CmpEndpoint endpoint, CmpProtection protection, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = new CmpHttp(endpoint.url(), endpoint.timeout());
    this.outgoing = new OutgoingProtection(Objects.requireNonNull(protection, "protection"));
    this.answers = new AnswerProtection(protection, endpoint.caCertificates());
  }

  /**
   * Sends the request as a p10cr in a new transaction. When the authority says it is waiting, the
   * client starts polling at once (RFC 9483 4.4), so that the answer tells when to poll again; if
   * that first poll fails, the answer is {@link CmpAnswer.Waiting} with no delay, and the
   * transaction is kept to poll later.
   *
   * @return the certificate, the refusal, or when to poll
   * @throws CmpException if the exchange fails or an answer fails a check (see the class comment)
   */
  public CmpAnswer requestCertificate(PKCS10CertificationRequest request) throws CmpException {
    CheckedAnswer answer =
        exchange(
            random(),
            null,
            new PKIBody(PKIBody.TYPE_P10_CERT_REQ, request.toASN1Structure()),
            PKIBody.TYPE_CERT_REP,
            PKIBody.TYPE_INIT_REP);
    CmpAnswer result = AnswerReader.certificateAnswer(answer, P10CR_IDS);
    return result instanceof CmpAnswer.Waiting waiting ? firstPoll(waiting) : result;
  }

  private CmpAnswer firstPoll(CmpAnswer.Waiting waiting) {
    try {
      return poll(waiting.transaction());
    } catch (CmpException e) {
      // The authority holds the request: losing the transaction now would orphan it, and the
      // next poll meets the same failure, if it lasts.
      return waiting;
    }
  }

  /**
   * Asks whether the certificate of a waiting transaction is ready (pollReq).
   *
   * @return {@link CmpAnswer.Waiting} with the authority's new delay, or its final cp or ip
   * @throws CmpException if the exchange fails or an answer fails a check (see the class comment)
   */
  public CmpAnswer poll(CmpTransaction transaction) throws CmpException {
    CheckedAnswer answer =
        exchange(
            transaction.transactionId(),
            transaction.caNonce(),
            new PKIBody(
                PKIBody.TYPE_POLL_REQ,
                new PollReqContent(BigInteger.valueOf(transaction.certReqId()))),
            PKIBody.TYPE_POLL_REP,
            PKIBody.TYPE_CERT_REP,
            PKIBody.TYPE_INIT_REP);
    return AnswerReader.isCertificateResponse(answer.body())
        ? AnswerReader.certificateAnswer(answer, Set.of(transaction.certReqId()))
        : AnswerReader.pollAnswer(answer, transaction.certReqId());
  }

  /**
   * Tells the authority the holder accepted the certificate (certConf with its hash, in the hash
   * algorithm of the certificate's signature) and expects its pkiConf.
   *
   * @throws IllegalArgumentException if the certificate cannot be encoded or hashed
   * @throws CmpException if the exchange fails or an answer fails a check (see the class comment)
   */
  public void confirm(CmpTransaction transaction, X509Certificate certificate) throws CmpException {
    exchange(
        transaction.transactionId(),
        transaction.caNonce(),
        new PKIBody(
            PKIBody.TYPE_CERT_CONFIRM,
            confirmation(certificate, transaction.certReqId()).toASN1Structure()),
        PKIBody.TYPE_CONFIRM);
  }

  /**
   * Tells the authority the certificate is refused (certConf with the status rejection and the
   * reason), when the station's checks or the holder refuse it: the CA then does not keep it as
   * delivered. Expects pkiConf.
   *
   * @throws CmpException as {@link #confirm}
   */
  public void reject(CmpTransaction transaction, X509Certificate certificate, String reason)
      throws CmpException {
    CertStatus accepted =
        confirmation(certificate, transaction.certReqId()).toASN1Structure().toCertStatusArray()[0];
    CertStatus rejected =
        new CertStatus(
            accepted.getCertHash().getOctets(),
            accepted.getCertReqId().getValue(),
            new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(reason)));
    exchange(
        transaction.transactionId(),
        transaction.caNonce(),
        new PKIBody(
            PKIBody.TYPE_CERT_CONFIRM, CertConfirmContent.getInstance(new DERSequence(rejected))),
        PKIBody.TYPE_CONFIRM);
  }

  private CheckedAnswer exchange(
      byte[] transactionId, byte[] caNonce, PKIBody body, int... expectedTypes)
      throws CmpException {
    byte[] senderNonce = random();
    ProtectedPKIMessageBuilder builder =
        outgoing
            .builder(endpoint.recipientName())
            .setMessageTime(Date.from(clock.instant()))
            .setTransactionID(transactionId)
            .setSenderNonce(senderNonce)
            .setBody(body);
    if (caNonce != null) {
      builder.setRecipNonce(caNonce);
    }
    byte[] reply = http.exchange(encoded(outgoing.protect(builder).toASN1Structure()));
    GeneralPKIMessage answer = parse(reply);
    X509CertificateHolder signer = answers.check(answer, clock.instant());
    checkHeader(answer.getHeader(), transactionId, senderNonce);
    checkBody(answer.getBody(), expectedTypes);
    return new CheckedAnswer(answer, signer);
  }

  private static GeneralPKIMessage parse(byte[] reply) throws CmpException {
    // Bouncy Castle's parser recurses once per level: an answer nested thousands deep would end
    // the station with a StackOverflowError before its MAC is even looked at.
    if (!NestingDepth.acceptable(reply)) {
      throw new CmpException(
          Kind.MALFORMED,
          "the CA's answer is not a CMP message: it nests deeper than "
              + NestingDepth.LIMIT
              + " levels or its lengths are inconsistent");
    }
    try {
      return new GeneralPKIMessage(reply);
    } catch (IOException | RuntimeException e) {
      // BC reports some malformed DER as IllegalArgumentException or ClassCastException.
      throw new CmpException(Kind.MALFORMED, "the CA's answer is not a CMP message", e);
    }
  }

  private static void checkHeader(PKIHeader header, byte[] transactionId, byte[] senderNonce)
      throws CmpException {
    if (!sameOctets(header.getTransactionID(), transactionId)) {
      throw new CmpException(
          Kind.WRONG_TRANSACTION,
          "the CA's answer belongs to another transaction than "
              + HexFormat.of().formatHex(transactionId));
    }
    if (!sameOctets(header.getRecipNonce(), senderNonce)) {
      throw new CmpException(
          Kind.WRONG_NONCE,
          "the CA's answer does not carry the nonce of the message just sent: a replayed or"
              + " misdirected answer");
    }
  }

  private static void checkBody(PKIBody body, int... expectedTypes) throws CmpException {
    if (body.getType() == PKIBody.TYPE_ERROR) {
      throw new CmpException(Kind.CA_ERROR, "the CA answered with an error: " + error(body));
    }
    if (Arrays.stream(expectedTypes).noneMatch(type -> type == body.getType())) {
      throw new CmpException(
          Kind.MALFORMED, "the CA answered with an unexpected " + CmpBodies.name(body));
    }
  }

  private static String error(PKIBody body) throws CmpException {
    try {
      ErrorMsgContent content = ErrorMsgContent.getInstance(body.getContent());
      PKIStatusInfo status = content.getPKIStatusInfo();
      String details = CmpBodies.text(content.getErrorDetails());
      String text = CmpBodies.text(status.getStatusString());
      return CmpBodies.statusName(status)
          + " "
          + CmpBodies.failures(status)
          + (text.isEmpty() ? "" : ", \"" + text + "\"")
          + (details.isEmpty() || details.equals(text) ? "" : ", details: " + details);
    } catch (RuntimeException e) {
      throw new CmpException(Kind.MALFORMED, "the CA's error message is unreadable", e);
    }
  }

  private static CertificateConfirmationContent confirmation(
      X509Certificate certificate, int certReqId) throws CmpException {
    try {
      return new CertificateConfirmationContentBuilder()
          .addAcceptedCertificate(
              new X509CertificateHolder(certificate.getEncoded()), new ASN1Integer(certReqId))
          .build(new JcaDigestCalculatorProviderBuilder().build());
    } catch (CertificateEncodingException
        | IOException
        | CMPException
        | OperatorCreationException e) {
      throw new IllegalArgumentException("cannot hash the certificate to confirm", e);
    }
  }

  private static boolean sameOctets(ASN1OctetString received, byte[] expected) {
    return received != null && Arrays.equals(received.getOctets(), expected);
  }

  private static byte[] encoded(org.bouncycastle.asn1.cmp.PKIMessage message) throws CmpException {
    try {
      return message.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CmpException(Kind.MALFORMED, "cannot encode the message", e);
    }
  }

  private static byte[] random() {
    byte[] bytes = new byte[NONCE_LENGTH];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
