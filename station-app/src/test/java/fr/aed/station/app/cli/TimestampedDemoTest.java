package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.crypto.pades.LoopbackTsa;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SignatureCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo with a real RFC 3161 timestamp authority on loopback: PAdES baseline T. */
class TimestampedDemoTest {

  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void sheetSignatureIsTimestamped() throws Exception {
    try (LoopbackTsa tsa = LoopbackTsa.start()) {
      String[] demo =
          run(
              "demo",
              "--algorithm",
              "p256",
              "--tsa",
              tsa.url().toString(),
              "--data-dir",
              dir.toString(),
              "--json");

      assertEquals("0", demo[0], demo[2]);
      JsonNode outcome = EnrollmentFile.mapper().readTree(demo[1]);
      byte[] sheet = Files.readAllBytes(Path.of(outcome.get("sheetPath").asText()));
      // the meeting's signature is timestamped; the revision that adds the installed certificate
      // is signed in baseline B
      java.util.List<SignatureCheck> signatures = new PadesVerifier().verify(sheet).signatures();
      assertEquals(2, signatures.size());
      assertTrue(signatures.stream().allMatch(SignatureCheck::signatureVerifies));
      assertEquals(
          1,
          signatures.stream().filter(s -> s.timestamp().map(t -> t.valid()).orElse(false)).count());
    }
  }

  @Test
  void timestampAuthorityDownLeavesTheSheetUnsignedAndTheMeetingOpen() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    String[] demo =
        run(
            "demo",
            "--algorithm",
            "p256",
            "--tsa",
            "http://127.0.0.1:" + closedPort + "/tsa",
            "--data-dir",
            dir.toString());

    assertEquals("1", demo[0]);
    assertTrue(demo[2].contains("the sheet is not signed"), demo[2]);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        ResultSet row =
            db.createStatement().executeQuery("SELECT status, step FROM intervention")) {
      row.next();
      assertEquals("OPEN", row.getString(1));
      assertEquals("SHEET_PRODUCED", row.getString(2));
    }
  }
}
