package fr.aed.station.crypto.cmp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.cmp.PKIMessage;

/**
 * A certificate authority on the loopback interface whose answers a test scripts, to make it
 * misbehave in the ways the client must notice. Close it to stop it.
 */
final class ScriptedCa implements AutoCloseable {

  /** What the authority does with one request. */
  @FunctionalInterface
  interface Script {
    void answer(PKIMessage request, HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService handlers;
  private final CountDownLatch closing = new CountDownLatch(1);

  private ScriptedCa(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    handlers = Executors.newFixedThreadPool(2);
    server.createContext("/", exchange -> handle(script, exchange));
    server.setExecutor(handlers);
    server.start();
  }

  static ScriptedCa start(Script script) throws IOException {
    return new ScriptedCa(script);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cmp");
  }

  /** Holds the exchange without answering until the authority closes (at most 10 s). */
  void silence() throws InterruptedException {
    closing.await(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  static void reply(HttpExchange exchange, byte[] message) throws IOException {
    send(exchange, 200, CmpHttp.CONTENT_TYPE, message);
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static void handle(Script script, HttpExchange exchange) throws IOException {
    try {
      script.answer(PKIMessage.getInstance(exchange.getRequestBody().readAllBytes()), exchange);
    } catch (Exception e) {
      exchange.sendResponseHeaders(400, -1);
    } finally {
      exchange.close();
    }
  }
}
