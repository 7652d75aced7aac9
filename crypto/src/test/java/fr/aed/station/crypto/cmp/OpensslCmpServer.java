package fr.aed.station.crypto.cmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** OpenSSL's CMP mock server ({@code openssl cmp -port}) as a subprocess; close it to stop it. */
final class OpensslCmpServer implements AutoCloseable {

  private static final Duration LONGEST_START = Duration.ofSeconds(15);

  private final Process process;
  private final Path log;
  private final int port;

  private OpensslCmpServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the server in {@code dir} with the mock server options, on a free port. */
  static OpensslCmpServer start(Path dir, String... options) throws Exception {
    int port = freePort();
    List<String> command =
        new ArrayList<>(List.of(OpensslPki.executable(), "cmp", "-port", String.valueOf(port)));
    command.addAll(List.of(options));
    Path log = dir.resolve("cmp-server-" + port + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OpensslCmpServer server = new OpensslCmpServer(process, log, port);
    try {
      server.awaitListening();
    } catch (Exception | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** What the server printed so far. */
  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private void awaitListening() throws Exception {
    Instant deadline = Instant.now().plus(LONGEST_START);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("openssl cmp stopped at start:\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("openssl cmp did not listen within " + LONGEST_START + ":\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
