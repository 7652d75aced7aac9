package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC 3161 HTTP client against a real authority of our own, on the loopback interface. */
class HttpTimestampAuthorityTest {

  private static final byte[] IMPRINT =
      BaselineSignedAttributes.sha256("a signature value".getBytes(StandardCharsets.US_ASCII));

  private LoopbackTsa tsa;

  @BeforeEach
  void startAuthority() throws Exception {
    tsa = LoopbackTsa.start();
  }

  @AfterEach
  void stopAuthority() {
    tsa.close();
  }

  @Test
  void obtainsATokenOverTheImprintThatCarriesTheAuthoritysCertificate() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    byte[] encoded = authority(Duration.ofSeconds(10)).timestamp(IMPRINT);
    Instant after = Instant.now();
    TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(encoded));
    assertEquals(
        NISTObjectIdentifiers.id_sha256, token.getTimeStampInfo().getMessageImprintAlgOID());
    assertArrayEquals(IMPRINT, token.getTimeStampInfo().getMessageImprintDigest());
    assertEquals(1, token.getCertificates().getMatches(token.getSID()).size());
    Instant time = token.getTimeStampInfo().getGenTime().toInstant();
    assertFalse(time.isBefore(before) || time.isAfter(after), time + " not in the test's window");
    assertEquals("POST application/timestamp-query", tsa.lastRequest());
  }

  @ParameterizedTest
  @CsvSource({
    "HTTP_500, answered HTTP 500",
    "WRONG_CONTENT_TYPE, 'answered text/html, not application/timestamp-reply'",
    "WRONG_NONCE, has another nonce than the request's",
    "WRONG_IMPRINT, covers another message imprint than the one sent",
    "REJECTION, refused the request: status 2 (not today)",
  })
  void aWrongAnswerIsATimestampExceptionThatSaysWhatWasWrong(
      LoopbackTsa.Answer answer, String expected) {
    tsa.answer(answer);
    TimestampException thrown =
        assertThrows(
            TimestampException.class, () -> authority(Duration.ofSeconds(10)).timestamp(IMPRINT));
    assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
    assertTrue(thrown.getMessage().contains(tsa.url().toString()), thrown.getMessage());
  }

  @Test
  void aSilentAuthorityIsATimeout() {
    tsa.answer(LoopbackTsa.Answer.SILENCE);
    TimestampException thrown =
        assertThrows(
            TimestampException.class, () -> authority(Duration.ofSeconds(1)).timestamp(IMPRINT));
    assertEquals(
        "the timestamp authority " + tsa.url() + " did not answer within PT1S",
        thrown.getMessage());
  }

  @Test
  void anAuthorityThatIsDownIsARefusedConnection() throws Exception {
    URI down = refusingAddress();
    TimestampException thrown =
        assertThrows(
            TimestampException.class,
            () -> new HttpTimestampAuthority(down, Duration.ofSeconds(5)).timestamp(IMPRINT));
    assertEquals("cannot connect to the timestamp authority " + down, thrown.getMessage());
  }

  @Test
  void refusesWrongArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HttpTimestampAuthority(URI.create("ftp://127.0.0.1/tsa"), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new HttpTimestampAuthority(tsa.url(), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> authority(Duration.ofSeconds(1)).timestamp(new byte[20]));
  }

  private HttpTimestampAuthority authority(Duration timeout) {
    return new HttpTimestampAuthority(tsa.url(), timeout);
  }

  /** A loopback address on which nothing listens: a port just released by the system. */
  static URI refusingAddress() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tsa");
    }
  }
}
