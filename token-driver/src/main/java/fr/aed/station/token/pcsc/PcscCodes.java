package fr.aed.station.token.pcsc;

import java.util.List;
import java.util.Optional;

/**
 * The PC/SC return codes the station tells apart, read from the innermost cause of a failure (the
 * providers put the code's name there: pcsc-lite's, which winscard shares).
 */
final class PcscCodes {

  /** pcsc-lite answers a listing with this error, not an empty list, when no reader is plugged. */
  static final String NO_READERS = "SCARD_E_NO_READERS_AVAILABLE";

  // A connection or transmission to a reader whose card was just taken out.
  private static final List<String> NO_CARD =
      List.of("SCARD_E_NO_SMARTCARD", "SCARD_W_REMOVED_CARD");

  // The service, not a reader or card, is gone.
  private static final List<String> SERVICE_DOWN =
      List.of("SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_E_INVALID_HANDLE");

  // Bounds the walk down a chain of causes, in case one refers back to itself.
  private static final int MAX_CAUSES = 16;

  private PcscCodes() {}

  /** The code saying the service is gone, if {@code failure} carries one. */
  static Optional<String> serviceDown(Throwable failure) {
    String root = rootMessage(failure);
    return root == null
        ? Optional.empty()
        : SERVICE_DOWN.stream().filter(root::contains).findFirst();
  }

  /** Whether {@code failure} carries a code saying the card was taken out. */
  static boolean noCard(Throwable failure) {
    String root = rootMessage(failure);
    return root != null && NO_CARD.stream().anyMatch(root::contains);
  }

  /** Whether {@code failure} carries {@code code}. */
  static boolean is(Throwable failure, String code) {
    String root = rootMessage(failure);
    return root != null && root.contains(code);
  }

  /** The message of the innermost cause, where the providers name the PC/SC code. */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    for (int depth = 0; root.getCause() != null && depth < MAX_CAUSES; depth++) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
