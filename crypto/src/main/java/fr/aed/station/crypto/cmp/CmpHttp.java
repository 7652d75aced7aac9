package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.cmp.CmpException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** The HTTP transfer of CMP messages (RFC 6712): each message POSTed, its answer in the reply. */
final class CmpHttp {

  static final String CONTENT_TYPE = "application/pkixcmp";

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  CmpHttp(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    // RFC 6712 carries CMP over HTTP/1.0 or 1.1: no HTTP/2 upgrade offer to the CA.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends one message and returns the body of a 200 application/pkixcmp reply. */
  byte[] exchange(byte[] message) throws CmpException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message))
            .build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) {
      throw new CmpException(
          Kind.HTTP_ERROR, "the CA at " + url + " answered HTTP " + response.statusCode());
    }
    String type = response.headers().firstValue("Content-Type").orElse("no content type");
    if (!type.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE)) {
      throw new CmpException(
          Kind.HTTP_ERROR, "the CA at " + url + " answered " + type + ", not " + CONTENT_TYPE);
    }
    return response.body();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws CmpException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new CmpException(
          Kind.TIMEOUT, "the CA at " + url + " did not answer within " + timeout, e);
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
