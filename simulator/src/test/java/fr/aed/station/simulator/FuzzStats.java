package fr.aed.station.simulator;

import java.util.HexFormat;

/**
 * Counts the inputs the applet's harness ran and times the slowest, for {@code scripts/fuzz-long}:
 * with the environment variable {@code FUZZ_STATS} set, a line {@code fuzz-stats ...} is printed at
 * each new slowest input and every 100,000 inputs (the station's harnesses have the same helper).
 * Tests never assert a duration.
 */
final class FuzzStats {

  private static final boolean REPORT = System.getenv("FUZZ_STATS") != null;
  private static final int SHOWN_BYTES = 64;

  private static long inputs;
  private static long slowestNanos;

  private FuzzStats() {}

  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  static synchronized void timed(byte[] input, Body body) throws Exception {
    long started = System.nanoTime();
    try {
      body.run();
    } finally {
      long nanos = System.nanoTime() - started;
      inputs++;
      if (nanos > slowestNanos) {
        slowestNanos = nanos;
        if (REPORT) {
          report("slowest-input=" + hexPrefix(input));
        }
      }
      if (REPORT && inputs % 100_000 == 0) {
        report("progress");
      }
    }
  }

  private static void report(String what) {
    System.out.printf(
        "fuzz-stats inputs=%d slowest_ms=%.3f %s%n", inputs, slowestNanos / 1e6, what);
  }

  private static String hexPrefix(byte[] input) {
    int shown = Math.min(input.length, SHOWN_BYTES);
    return HexFormat.of().formatHex(input, 0, shown) + (input.length > shown ? "..." : "");
  }
}
