package fr.aed.station.crypto.cmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMP client against OpenSSL's own CMP mock server ({@code openssl cmp -port}). */
class CmpClientOpensslTest {

  private static final String REFERENCE = "station-0042";
  private static final String SECRET = "enrolment-secret-9731";

  @TempDir java.nio.file.Path dir;
  private OpensslPki pki;
  private PKCS10CertificationRequest request;
  private X509Certificate holderCertificate;
  private OpensslCmpServer server;

  @BeforeEach
  void makeAuthorityAndRequest() throws Exception {
    pki = OpensslPki.create(dir);
    request = HolderRequests.of(SoftwareDeviceKey.ec("secp256r1"), "Camille Durand");
    holderCertificate = pki.issue(request, "holder");
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void issuesWithSharedSecretProtectionThenAcceptsTheConfirmation() throws Exception {
    // OpenSSL's mock server sends -rsp_capubs in an ip only, and a p10cr gets a cp.
    server = startWithSecret("-rsp_extracerts", "ca.pem");
    CmpClient client = clientWithSecret(SECRET);

    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.requestCertificate(request), server.log());

    assertEquals(holderCertificate, issued.certificate());
    assertEquals(List.of(pki.certificate("ca.pem")), issued.caCertificates());
    assertFalse(issued.implicitConfirm());
    client.confirm(issued.transaction(), issued.certificate());
  }

  @Test
  void aRefusedCertificateIsToldToTheAuthorityWhichTakesTheRejection() throws Exception {
    server = startWithSecret("-rsp_extracerts", "ca.pem");
    CmpClient client = clientWithSecret(SECRET);
    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.requestCertificate(request), server.log());

    client.reject(issued.transaction(), issued.certificate(), "the holder does not accept it");

    // OpenSSL's server answered the rejection with its pkiConf, and says what it was told
    assertTrue(
        server.log().contains("certificate rejected by client with PKIStatus: rejection"),
        server.log());
  }

  @Test
  void issuesWithSignatureProtectionByTheOfficerAndTheCasServerCertificate() throws Exception {
    SoftwareDeviceKey officerKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = pki.issue(HolderRequests.of(officerKey, "Officer Martin"), "officer");
    server =
        OpensslCmpServer.start(
            dir,
            "-srv_cert",
            "srv.pem",
            "-srv_key",
            "srv.key",
            "-srv_trusted",
            "ca.pem",
            "-rsp_cert",
            "holder.pem",
            "-rsp_extracerts",
            "ca.pem");
    CmpClient client =
        new CmpClient(
            endpoint(), new CmpProtection.Signature(officerKey, officer, List.of()), clock());

    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.requestCertificate(request), server.log());

    assertEquals(holderCertificate, issued.certificate());
    // The server's own certificate (id-kp-cmcRA), which signed the answer, is not one of the CA's.
    assertEquals(List.of(pki.certificate("ca.pem")), issued.caCertificates());
    client.confirm(issued.transaction(), issued.certificate());
  }

  @Test
  void anAnswerSignedByACertificateOfTheCaNotMarkedForCmpIsRefused() throws Exception {
    pki.endEntity("clerk", "");
    SoftwareDeviceKey officerKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = pki.issue(HolderRequests.of(officerKey, "Officer Martin"), "officer");
    server =
        OpensslCmpServer.start(
            dir,
            "-srv_cert",
            "clerk.pem",
            "-srv_key",
            "clerk.key",
            "-srv_trusted",
            "ca.pem",
            "-rsp_cert",
            "holder.pem",
            "-rsp_extracerts",
            "ca.pem");
    CmpClient client =
        new CmpClient(
            endpoint(), new CmpProtection.Signature(officerKey, officer, List.of()), clock());

    CmpException thrown =
        assertThrows(CmpException.class, () -> client.requestCertificate(request), server.log());

    assertEquals(CmpException.Kind.BAD_PROTECTION, thrown.kind(), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("not trusted"), thrown.getMessage());
  }

  @Test
  void opensslWantsItsLastNonceBackSoTheTransactionKeepsIt() throws Exception {
    server = startWithSecret();
    CmpClient client = clientWithSecret(SECRET);
    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.requestCertificate(request), server.log());
    CmpTransaction withoutNonce =
        new CmpTransaction(
            issued.transaction().transactionIdHex(), issued.transaction().certReqId());

    CmpException thrown =
        assertThrows(CmpException.class, () -> client.confirm(withoutNonce, issued.certificate()));

    assertEquals(CmpException.Kind.CA_ERROR, thrown.kind(), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("recipnonce unmatched"), thrown.getMessage());
  }

  @Test
  void implicitConfirmationIsNotAskedForSoOpensslDoesNotGrantIt() throws Exception {
    server = startWithSecret("-grant_implicitconf");

    CmpAnswer.Issued issued =
        assertInstanceOf(
            CmpAnswer.Issued.class, clientWithSecret(SECRET).requestCertificate(request));

    assertFalse(issued.implicitConfirm());
  }

  @Test
  void aRejectionIsRefusedWithItsFailureAndReason() throws Exception {
    server =
        startWithSecret(
            "-pkistatus", "2", "-failure", "9", "-statusstring", "proof of possession fails");

    CmpAnswer.Refused refused =
        assertInstanceOf(
            CmpAnswer.Refused.class, clientWithSecret(SECRET).requestCertificate(request));

    assertEquals("rejection", refused.status());
    assertEquals(List.of("badPOP"), refused.failInfo());
    assertEquals("proof of possession fails", refused.reason());
  }

  @Test
  void waitsThenIssuesAfterPolling() throws Exception {
    // OpenSSL counts the poll that the client makes at once on "waiting": three polls in all.
    server = startWithSecret("-poll_count", "3", "-check_after", "1");
    CmpClient client = clientWithSecret(SECRET);

    CmpAnswer.Waiting first =
        assertInstanceOf(CmpAnswer.Waiting.class, client.requestCertificate(request), server.log());
    assertEquals(Duration.ofSeconds(1), first.checkAfter());
    // The mock server does not hold the client to checkAfter, so the test polls without waiting.
    CmpAnswer.Waiting second =
        assertInstanceOf(CmpAnswer.Waiting.class, client.poll(first.transaction()));
    CmpAnswer.Issued issued =
        assertInstanceOf(CmpAnswer.Issued.class, client.poll(second.transaction()), server.log());

    assertEquals(holderCertificate, issued.certificate());
    assertEquals(first.transaction().transactionIdHex(), issued.transaction().transactionIdHex());
    client.confirm(issued.transaction(), issued.certificate());
  }

  @Test
  void aWrongSecretGetsAnErrorMacedWithTheCasSecretWhichFailsTheStationsCheck() throws Exception {
    server = startWithSecret();

    CmpException thrown =
        assertThrows(
            CmpException.class,
            () -> clientWithSecret("not-the-secret").requestCertificate(request));

    assertEquals(CmpException.Kind.BAD_PROTECTION, thrown.kind(), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("MAC"), thrown.getMessage());
    assertTrue(server.log().contains("wrong pbm value"), server.log());
  }

  private OpensslCmpServer startWithSecret(String... options) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "-srv_ref", REFERENCE, "-srv_secret", "pass:" + SECRET, "-rsp_cert", "holder.pem"));
    all.addAll(List.of(options));
    return OpensslCmpServer.start(dir, all.toArray(String[]::new));
  }

  private CmpClient clientWithSecret(String secret) throws Exception {
    return new CmpClient(
        endpoint(), new CmpProtection.SharedSecret(REFERENCE, secret.toCharArray()), clock());
  }

  private CmpEndpoint endpoint() throws Exception {
    return new CmpEndpoint(
        server.url(), Duration.ofSeconds(10), List.of(pki.certificate("ca.pem")), Optional.empty());
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }
}
