package fr.aed.station.token.pcsc;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pcsc-lite daemon's own socket, asked directly whether pcscd is running. */
final class PcscDaemon {

  // pcsc-lite's default socket; its client library reads the same variable to override it.
  private static final String DEFAULT_SOCKET = "/run/pcscd/pcscd.comm";
  private static final String SOCKET_VARIABLE = "PCSCLITE_CSOCK_NAME";

  private PcscDaemon() {}

  /** Whether a pcscd accepts connections on its socket now; false on any other system. */
  static boolean answers() {
    String configured = System.getenv(SOCKET_VARIABLE);
    Path socket =
        Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_SOCKET);
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      return channel.isConnected();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
