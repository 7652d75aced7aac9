package fr.aed.station.crypto.cmp;

import static fr.aed.station.crypto.cmp.CaAnswers.answerTo;
import static fr.aed.station.crypto.cmp.CaAnswers.macProtected;
import static fr.aed.station.crypto.cmp.ScriptedCa.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The client against an authority of our own that answers wrongly, one way per test. */
class CmpClientFaultsTest {

  private static final String SECRET = "right-secret-5521";
  private static final ASN1ObjectIdentifier HMAC_SHA256 = PKCSObjectIdentifiers.id_hmacWithSHA256;

  private PKCS10CertificationRequest request;
  private X509Certificate holderCertificate;
  private ScriptedCa ca;

  @BeforeEach
  void makeRequest() throws Exception {
    SoftwareDeviceKey holder = SoftwareDeviceKey.ec("secp256r1");
    request = HolderRequests.of(holder, "Camille Durand");
    holderCertificate = TestCertificates.selfSigned(holder, "Camille Durand");
  }

  @AfterEach
  void stopAuthority() {
    if (ca != null) {
      ca.close();
    }
  }

  @Test
  void aFailedFirstPollKeepsTheTransactionToPollLater() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    ca =
        ScriptedCa.start(
            (request, exchange) -> {
              switch (requests.incrementAndGet()) {
                case 1 ->
                    reply(exchange, macProtected(answerTo(request, CaAnswers.waiting()), SECRET));
                case 2 -> ScriptedCa.send(exchange, 503, "text/plain", new byte[0]);
                default ->
                    reply(
                        exchange,
                        macProtected(
                            answerTo(request, CaAnswers.granted(holderCertificate)), SECRET));
              }
            });
    CmpClient client = clientWithSecret();

    CmpAnswer.Waiting waiting =
        assertInstanceOf(CmpAnswer.Waiting.class, client.requestCertificate(request));

    assertEquals(Duration.ZERO, waiting.checkAfter());
    assertEquals(-1, waiting.transaction().certReqId());
    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.poll(waiting.transaction()));
    assertEquals(holderCertificate, issued.certificate());
    assertEquals(3, requests.get());
  }

  @Test
  void anImplicitConfirmationGrantedAnywayIsReported() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    macProtected(
                        answerTo(request, CaAnswers.granted(holderCertificate))
                            .addGeneralInfo(
                                new InfoTypeAndValue(
                                    CMPObjectIdentifiers.it_implicitConfirm, DERNull.INSTANCE)),
                        SECRET)));

    CmpAnswer.Issued issued = assertInstanceOf(CmpAnswer.Issued.class, requestWithSecret());

    assertTrue(issued.implicitConfirm());
  }

  @Test
  void anAnswerOfAnotherTransactionIsRefused() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    macProtected(
                        answerTo(request, CaAnswers.granted(holderCertificate))
                            .setTransactionID(CaAnswers.nonce()),
                        SECRET)));
    assertFails(Kind.WRONG_TRANSACTION, "another transaction", this::requestWithSecret);
  }

  @Test
  void anEarlierAnswerReplayedIsRefusedForItsNonce() throws Exception {
    AtomicReference<byte[]> first = new AtomicReference<>();
    ca =
        ScriptedCa.start(
            (request, exchange) -> {
              if (first.get() == null) {
                first.set(
                    macProtected(answerTo(request, CaAnswers.granted(holderCertificate)), SECRET));
              }
              reply(exchange, first.get());
            });
    CmpClient client = clientWithSecret();
    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.requestCertificate(request));
    assertFails(
        Kind.WRONG_NONCE,
        "replayed",
        () -> client.confirm(issued.transaction(), issued.certificate()));
  }

  @Test
  void aMacMadeWithAnotherSecretIsRefused() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    macProtected(
                        answerTo(request, CaAnswers.granted(holderCertificate)), "other-secret")));
    assertFails(Kind.BAD_PROTECTION, "does not match", this::requestWithSecret);
  }

  @Test
  void anUnprotectedErrorIsRefusedRatherThanBelieved() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(exchange, CaAnswers.unprotected(request, CaAnswers.error("go away"))));
    assertFails(Kind.BAD_PROTECTION, "not protected", this::requestWithSecret);
  }

  @Test
  void anAnswerSignedByAnUntrustedCertificateIsRefused() throws Exception {
    SoftwareDeviceKey rogueKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate rogue = TestCertificates.selfSigned(rogueKey, "Scripted CA");
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    CaAnswers.signed(
                        answerTo(request, CaAnswers.granted(holderCertificate)), rogueKey, rogue)));
    assertFails(
        Kind.BAD_PROTECTION,
        "not trusted",
        () -> clientWithSignature().requestCertificate(request));
  }

  @Test
  void aMacProtectedAnswerToASignedRequestIsRefused() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    macProtected(answerTo(request, CaAnswers.granted(holderCertificate)), SECRET)));
    assertFails(
        Kind.BAD_PROTECTION,
        "MAC-protected",
        () -> clientWithSignature().requestCertificate(request));
  }

  @Test
  void anErrorMessageIsACaErrorWithItsText() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    macProtected(
                        answerTo(request, CaAnswers.error("closed for maintenance")), SECRET)));
    CmpException thrown =
        assertFails(Kind.CA_ERROR, "closed for maintenance", this::requestWithSecret);
    assertTrue(thrown.getMessage().contains("systemUnavail"), thrown.getMessage());
  }

  @Test
  void anHttpErrorStatusIsAnHttpError() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) -> ScriptedCa.send(exchange, 500, "text/plain", new byte[0]));
    assertFails(Kind.HTTP_ERROR, "HTTP 500", this::requestWithSecret);
  }

  @Test
  void anotherContentTypeIsAnHttpError() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                ScriptedCa.send(
                    exchange, 200, "text/html", "<html/>".getBytes(StandardCharsets.US_ASCII)));
    assertFails(Kind.HTTP_ERROR, "text/html", this::requestWithSecret);
  }

  @Test
  void somethingElseThanCmpUnderTheCmpTypeIsMalformed() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(exchange, "not DER at all".getBytes(StandardCharsets.US_ASCII)));
    assertFails(Kind.MALFORMED, "not a CMP message", this::requestWithSecret);
  }

  @Test
  void anAnswerWithoutEndIsCutAndRefused() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) -> reply(exchange, new byte[CmpHttp.MAX_ANSWER_BYTES + 1]));
    assertFails(Kind.MALFORMED, "more than", this::requestWithSecret);
  }

  @Test
  void anAuthorityThatDoesNotAnswerInTimeIsATimeout() throws Exception {
    ca = ScriptedCa.start((request, exchange) -> ca.silence());
    CmpClient client =
        new CmpClient(
            endpoint(ca.url(), Duration.ofMillis(300), List.of()),
            sharedSecret(),
            Clock.systemUTC());
    CmpException thrown =
        assertThrows(CmpException.class, () -> client.requestCertificate(request));
    assertEquals(Kind.TIMEOUT, thrown.kind(), thrown.getMessage());
  }

  @Test
  void anOfficerCardThatCannotSignStopsTheRequestWithTheCardsFailure() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) -> ScriptedCa.send(exchange, 500, "text/plain", new byte[0]));
    CmpClient client =
        new CmpClient(
            endpoint(ca.url(), Duration.ofSeconds(10), List.of()),
            new CmpProtection.Signature(new CardThatCannotSign(), holderCertificate, List.of()),
            Clock.systemUTC());

    CmpException thrown =
        assertFails(Kind.BAD_PROTECTION, "card", () -> client.requestCertificate(request));

    assertInstanceOf(DeviceSigningException.class, thrown.getCause());
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CmpClient client =
        new CmpClient(
            endpoint(
                URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(5), List.of()),
            sharedSecret(),
            Clock.systemUTC());
    assertFails(Kind.UNREACHABLE, "cannot connect", () -> client.requestCertificate(request));
  }

  @Test
  void anAnswerNestedTooDeepIsMalformedNotAStackOverflow() throws Exception {
    ca =
        ScriptedCa.start((request, exchange) -> reply(exchange, CaAnswers.nestedSequences(50_000)));
    assertFails(Kind.MALFORMED, "deeper than", this::requestWithSecret);
  }

  @Test
  void aCheckAfterOfTwoToTheSixtySecondIsHeldToThirtyDays() throws Exception {
    CmpAnswer.Waiting waiting = firstPollSays(BigInteger.TWO.pow(62));
    assertEquals(Duration.ofDays(30), waiting.checkAfter());
  }

  @Test
  void aNegativeCheckAfterMeansPollNow() throws Exception {
    ca = pollingCa(BigInteger.valueOf(-3600));
    CmpClient client = clientWithSecret();
    CmpAnswer.Waiting first =
        assertInstanceOf(CmpAnswer.Waiting.class, client.requestCertificate(request));

    CmpAnswer.Waiting again =
        assertInstanceOf(CmpAnswer.Waiting.class, client.poll(first.transaction()));

    assertEquals(Duration.ZERO, again.checkAfter());
  }

  @Test
  void aBodyTrickledPastTheTimeoutIsATimeout() throws Exception {
    ca =
        ScriptedCa.start(
            (request, exchange) -> {
              exchange.getResponseHeaders().set("Content-Type", CmpHttp.CONTENT_TYPE);
              exchange.sendResponseHeaders(200, 0);
              exchange.getResponseBody().write(0x30);
              exchange.getResponseBody().flush();
              ca.silence();
            });
    CmpClient client =
        new CmpClient(
            endpoint(ca.url(), Duration.ofMillis(500), List.of()),
            sharedSecret(),
            Clock.systemUTC());

    assertFails(Kind.TIMEOUT, "did not answer within", () -> client.requestCertificate(request));
  }

  @Test
  void aMacWithAWeakHashMacOrFewIterationsIsRefused() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    ca =
        ScriptedCa.start(
            (request, exchange) -> {
              var granted = answerTo(request, CaAnswers.granted(holderCertificate));
              byte[] answer =
                  switch (requests.getAndIncrement()) {
                    case 0 ->
                        macProtected(
                            granted, SECRET, OIWObjectIdentifiers.idSHA1, 10_000, HMAC_SHA256);
                    case 1 ->
                        macProtected(
                            granted,
                            SECRET,
                            NISTObjectIdentifiers.id_sha256,
                            10_000,
                            PKCSObjectIdentifiers.id_hmacWithSHA224);
                    default ->
                        macProtected(
                            granted, SECRET, NISTObjectIdentifiers.id_sha256, 499, HMAC_SHA256);
                  };
              reply(exchange, answer);
            });

    assertFails(Kind.BAD_PROTECTION, "1.3.14.3.2.26", this::requestWithSecret);
    assertFails(Kind.BAD_PROTECTION, "1.2.840.113549.2.8", this::requestWithSecret);
    assertFails(Kind.BAD_PROTECTION, "499 times", this::requestWithSecret);
  }

  @Test
  void anAnswerSignedByAnEndEntityOfTheTrustedCaIsRefusedUnlessMarkedForCmp() throws Exception {
    SoftwareDeviceKey caKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate trustedCa =
        TestCertificates.authority(caKey, "Scripted CA", Instant.now().minus(Duration.ofDays(2)));
    SoftwareDeviceKey holderKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate holderOfTheCa =
        TestCertificates.issued(holderKey, "Another Holder", trustedCa, caKey);
    ca =
        ScriptedCa.start(
            (request, exchange) ->
                reply(
                    exchange,
                    CaAnswers.signed(
                        answerTo(request, CaAnswers.granted(holderCertificate)),
                        holderKey,
                        holderOfTheCa)));

    assertFails(
        Kind.BAD_PROTECTION,
        "not trusted",
        () -> clientWithSignature(trustedCa).requestCertificate(request));
  }

  private CmpAnswer.Waiting firstPollSays(BigInteger checkAfter) throws Exception {
    ca = pollingCa(checkAfter);
    return assertInstanceOf(CmpAnswer.Waiting.class, requestWithSecret());
  }

  // Waiting on the request, then a pollRep with checkAfter for every poll.
  private static ScriptedCa pollingCa(BigInteger checkAfter) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    return ScriptedCa.start(
        (request, exchange) ->
            reply(
                exchange,
                macProtected(
                    answerTo(
                        request,
                        requests.incrementAndGet() == 1
                            ? CaAnswers.waiting()
                            : CaAnswers.pollRep(checkAfter)),
                    SECRET)));
  }

  private CmpAnswer requestWithSecret() throws CmpException {
    return clientWithSecret().requestCertificate(request);
  }

  private CmpClient clientWithSecret() {
    return new CmpClient(
        endpoint(ca.url(), Duration.ofSeconds(10), List.of()), sharedSecret(), Clock.systemUTC());
  }

  private CmpClient clientWithSignature() throws Exception {
    SoftwareDeviceKey caKey = SoftwareDeviceKey.ec("secp256r1");
    return clientWithSignature(
        TestCertificates.authority(caKey, "Scripted CA", java.time.Instant.now()));
  }

  private CmpClient clientWithSignature(X509Certificate trustedCa) throws Exception {
    SoftwareDeviceKey officerKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = TestCertificates.selfSigned(officerKey, "Officer Martin");
    return new CmpClient(
        endpoint(ca.url(), Duration.ofSeconds(10), List.of(trustedCa)),
        new CmpProtection.Signature(officerKey, officer, List.of()),
        Clock.systemUTC());
  }

  private static CmpProtection sharedSecret() {
    return new CmpProtection.SharedSecret("station-0042", SECRET.toCharArray());
  }

  private static CmpEndpoint endpoint(URI url, Duration timeout, List<X509Certificate> trusted) {
    return new CmpEndpoint(url, timeout, trusted, Optional.empty());
  }

  private static CmpException assertFails(Kind kind, String word, Executable call) {
    CmpException thrown = assertThrows(CmpException.class, call);
    assertEquals(kind, thrown.kind(), thrown.getMessage());
    assertTrue(thrown.getMessage().contains(word), thrown.getMessage());
    return thrown;
  }
}
