package fr.aed.station.app.certificate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL's own CMP server ({@code openssl cmp} in mock-server mode), started on a free local port
 * with a shared secret, answering as its options say: the certificate given, a refusal, or
 * "waiting" for some polls first.
 */
public final class OpensslCmpServer implements AutoCloseable {

  /** The reference and secret the server and the station share. */
  public static final String SECRET = "secret-partage-de-test";

  private final Process process;
  private final int port;
  private final Path log;

  private OpensslCmpServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the server with {@code options} added to the mock server's own. */
  public static OpensslCmpServer start(Path folder, String... options)
      throws IOException, InterruptedException {
    List<String> secret = List.of("-srv_ref", "station-test", "-srv_secret", "pass:" + SECRET);
    return started(folder, secret, options);
  }

  /**
   * Starts the server without a shared secret: it signs its answers with {@code -srv_cert} and
   * {@code -srv_key} and takes requests signed by a certificate of {@code -srv_trusted}, all in
   * {@code options}.
   */
  public static OpensslCmpServer startSigned(Path folder, String... options)
      throws IOException, InterruptedException {
    return started(folder, List.of(), options);
  }

  private static OpensslCmpServer started(Path folder, List<String> protection, String... options)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command =
        new ArrayList<>(List.of("openssl", "cmp", "-port", Integer.toString(port)));
    command.addAll(protection);
    command.addAll(List.of(options));
    Path log = Files.createTempFile(folder, "cmp-server", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OpensslCmpServer server = new OpensslCmpServer(process, port, log);
    server.awaitListening();
    return server;
  }

  /** The server's address, as the station's configuration gives it. */
  public String url() {
    return "http://127.0.0.1:" + port + "/pkix/";
  }

  /** What the server printed, for a failing test's message. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private void awaitListening() throws IOException, InterruptedException {
    for (int tries = 0; tries < 200; tries++) {
      if (!process.isAlive()) {
        throw new AssertionError("openssl cmp did not start:\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("openssl cmp does not listen on " + port + ":\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
