package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The HTTP transfer of CMP messages (RFC 6712): each message POSTed, its answer in the reply. */
final class CmpHttp {

  static final String CONTENT_TYPE = "application/pkixcmp";

  /** The largest answer read: a CMP answer with a certificate and its chain is a few KiB. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  // One client for the process: a connection the CA keeps open for the next message of a
  // transaction is used again, instead of a new one waiting behind it on a one-at-a-time server.
  // RFC 6712 carries CMP over HTTP/1.0 or 1.1: no HTTP/2 upgrade offer to the CA.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  // Daemon threads, so that a read abandoned at its timeout never keeps the station running.
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "cmp-answer-reader");
            thread.setDaemon(true);
            return thread;
          });

  private final URI url;
  private final Duration timeout;

  CmpHttp(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
  }

  /**
   * Sends one message and returns the body of a 200 application/pkixcmp reply; the endpoint's
   * timeout bounds the whole exchange, body included.
   */
  byte[] exchange(byte[] message) throws CmpException {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message))
            .build();
    HttpResponse<InputStream> response = send(request);
    try (InputStream body = response.body()) {
      checkReply(response);
      byte[] answer = readBefore(body, deadline);
      if (answer.length > MAX_ANSWER_BYTES) {
        throw new CmpException(
            Kind.MALFORMED,
            "the CA at " + url + " answered more than " + MAX_ANSWER_BYTES + " bytes");
      }
      return answer;
    } catch (HttpTimeoutException e) {
      throw timedOut(e);
    } catch (IOException e) {
      throw new CmpException(Kind.UNREACHABLE, "the answer of the CA at " + url + " broke off", e);
    }
  }

  // The request's timeout covers the wait for the headers only: a CA that trickles its body
  // would hold the station forever. The body is read on a reader thread until the deadline, and
  // the stream closed if it is not over by then, which ends the read.
  private byte[] readBefore(InputStream body, Instant deadline) throws IOException, CmpException {
    Future<byte[]> read = READERS.submit(() -> body.readNBytes(MAX_ANSWER_BYTES + 1));
    try {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
      return read.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      body.close();
      throw timedOut(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException broken) {
        throw broken;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      read.cancel(true);
      body.close();
      Thread.currentThread().interrupt();
      throw new CmpException(Kind.UNREACHABLE, "interrupted while reading the CA at " + url, e);
    }
  }

  private CmpException timedOut(Exception cause) {
    return new CmpException(
        Kind.TIMEOUT, "the CA at " + url + " did not answer within " + timeout, cause);
  }

  private void checkReply(HttpResponse<InputStream> response) throws CmpException {
    if (response.statusCode() != 200) {
      throw new CmpException(
          Kind.HTTP_ERROR, "the CA at " + url + " answered HTTP " + response.statusCode());
    }
    String type = response.headers().firstValue("Content-Type").orElse("no content type");
    if (!type.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE)) {
      throw new CmpException(
          Kind.HTTP_ERROR, "the CA at " + url + " answered " + type + ", not " + CONTENT_TYPE);
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws CmpException {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw timedOut(e);
    } catch (ConnectException e) {
      throw new CmpException(Kind.UNREACHABLE, "cannot connect to the CA at " + url, e);
    } catch (IOException e) {
      throw new CmpException(Kind.UNREACHABLE, "the exchange with the CA at " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CmpException(Kind.UNREACHABLE, "interrupted while waiting for the CA at " + url, e);
    }
  }
}
