package fr.aed.station.crypto.pades;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * A time-stamping authority reached by the HTTP transport of RFC 3161 (section 3.4): the request is
 * POSTed as application/timestamp-query, the answer comes back as application/timestamp-reply. Each
 * request asks for the authority's certificate and carries a random nonce; the answer is accepted
 * only if it grants a token with that nonce, over the imprint sent, that carries the certificate.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {

  static final String QUERY_TYPE = "application/timestamp-query";
  static final String REPLY_TYPE = "application/timestamp-reply";

  private static final SecureRandom NONCES = new SecureRandom();

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param url the authority's http or https address
   * @param timeout the longest wait for the connection, and again for the answer
   * @throws IllegalArgumentException if the address is not http or https, or the timeout is not
   *     positive
   */
  public HttpTimestampAuthority(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("not an http or https address: " + url);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
    // RFC 3161 over HTTP is plain HTTP/1.1; some authorities mishandle an h2c upgrade offer.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * {@inheritDoc}
   *
   * @throws TimestampException if the connection is refused or fails, no answer comes within the
   *     timeout, the HTTP status is not 200 or the content type not application/timestamp-reply,
   *     the answer cannot be parsed, its status is not granted, or its token lacks the certificate
   *     or has another nonce or message imprint than the request
   */
  @Override
  public byte[] timestamp(byte[] messageImprintSha256) throws TimestampException {
    if (messageImprintSha256 == null || messageImprintSha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 message imprint is 32 bytes long");
    }
    TimeStampRequest request = request(messageImprintSha256);
    TimeStampToken token = grantedToken(parse(post(encoded(request))));
    checkAnswersTo(request, token);
    return encoded(token);
  }

  private static TimeStampRequest request(byte[] imprint) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    return generator.generate(
        NISTObjectIdentifiers.id_sha256, imprint.clone(), new BigInteger(64, NONCES));
  }

  private byte[] post(byte[] query) throws TimestampException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", QUERY_TYPE)
            .header("Accept", REPLY_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(query))
            .build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) {
      throw new TimestampException(
          "the timestamp authority " + url + " answered HTTP " + response.statusCode());
    }
    String type = response.headers().firstValue("Content-Type").orElse("none");
    if (!type.toLowerCase(Locale.ROOT).startsWith(REPLY_TYPE)) {
      throw new TimestampException(
          "the timestamp authority " + url + " answered " + type + ", not " + REPLY_TYPE);
    }
    return response.body();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws TimestampException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TimestampException(
          "the timestamp authority " + url + " did not answer within " + timeout, e);
    } catch (ConnectException e) {
      throw new TimestampException("cannot connect to the timestamp authority " + url, e);
    } catch (IOException e) {
      throw new TimestampException(
          "the exchange with the timestamp authority " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimestampException("interrupted while waiting for the timestamp authority", e);
    }
  }

  private TimeStampResponse parse(byte[] reply) throws TimestampException {
    try {
      return new TimeStampResponse(reply);
    } catch (TSPException | IOException | RuntimeException e) {
      // BC reports some malformed DER as IllegalArgumentException or ClassCastException.
      throw new TimestampException(
          "the timestamp authority " + url + " sent an unreadable RFC 3161 response", e);
    }
  }

  private TimeStampToken grantedToken(TimeStampResponse response) throws TimestampException {
    int status = response.getStatus();
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      throw new TimestampException(
          "the timestamp authority "
              + url
              + " refused the request: status "
              + status
              + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")")
              + (response.getFailInfo() == null ? "" : ", failure " + response.getFailInfo()));
    }
    if (response.getTimeStampToken() == null) {
      throw new TimestampException(
          "the timestamp authority " + url + " granted the request but sent no token");
    }
    return response.getTimeStampToken();
  }

  private void checkAnswersTo(TimeStampRequest request, TimeStampToken token)
      throws TimestampException {
    TimeStampTokenInfo info = token.getTimeStampInfo();
    if (!request.getNonce().equals(info.getNonce())) {
      throw new TimestampException(
          "the timestamp token from " + url + " has another nonce than the request's");
    }
    if (!request.getMessageImprintAlgOID().equals(info.getMessageImprintAlgOID())
        || !Arrays.equals(request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
      throw new TimestampException(
          "the timestamp token from " + url + " covers another message imprint than the one sent");
    }
    if (token.getCertificates().getMatches(token.getSID()).isEmpty()) {
      throw new TimestampException(
          "the timestamp token from " + url + " lacks the certificate that was requested");
    }
  }

  private static byte[] encoded(TimeStampRequest request) throws TimestampException {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new TimestampException("cannot encode the timestamp request", e);
    }
  }

  private static byte[] encoded(TimeStampToken token) throws TimestampException {
    try {
      return token.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    } catch (IOException e) {
      throw new TimestampException("cannot encode the timestamp token", e);
    }
  }
}
