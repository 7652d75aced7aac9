package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Poppler's pdfsig, a verifier independent of PDFBox and Bouncy Castle. It must be installed: a
 * missing tool fails the test rather than skipping it.
 */
final class Pdfsig {

  static final String VALID = "Signature Validation: Signature is Valid.";

  private Pdfsig() {}

  /** pdfsig's report on the file; its exit code is not checked (it is 2 for a bad signature). */
  static String report(Path pdf) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail("pdfsig is not installed: install poppler-utils (apt-get install poppler-utils)");
      return "";
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("pdfsig did not finish");
    }
    return output;
  }
}
