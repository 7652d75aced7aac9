package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sheet verify} on a sheet the demo really produced and signed, then altered. */
class SheetVerifyCommandTest {

  @TempDir static Path dir;
  private static byte[] sheet;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @BeforeAll
  static void demo() throws Exception {
    String[] demo =
        run(
            "demo",
            "--data-dir",
            dir.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--json",
            "--algorithm",
            "p256");
    assertEquals("0", demo[0], demo[2]);
    sheet =
        Files.readAllBytes(
            Path.of(EnrollmentFile.mapper().readTree(demo[1]).get("sheetPath").asText()));
  }

  private JsonNode verify(byte[] pdf, String name) throws Exception {
    Path file = Files.write(dir.resolve(name), pdf);
    String[] result =
        run("sheet", "verify", file.toString(), "--json", "--demo", "--data-dir", dir.toString());
    JsonNode node = EnrollmentFile.mapper().readTree(result[1]);
    assertEquals(node.get("valid").asBoolean() ? "0" : "1", result[0], result[2]);
    return node;
  }

  private static boolean passed(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("name").asText().equals(check)) {
        return c.get("passed").asBoolean();
      }
    }
    throw new AssertionError("no check " + check + " in " + report);
  }

  @Test
  void theSignedSheetPassesEveryCheck() throws Exception {
    JsonNode report = verify(sheet, "same.pdf");
    assertTrue(report.get("valid").asBoolean(), report.toString());
    assertEquals(6, report.get("checks").size());
  }

  @Test
  void oneByteChangedFails() throws Exception {
    byte[] altered = sheet.clone();
    int middle = altered.length / 3;
    altered[middle] = (byte) (altered[middle] ^ 0x01);

    JsonNode report = verify(altered, "altered.pdf");
    assertFalse(report.get("valid").asBoolean());
    assertFalse(passed(report, "record"));
  }

  @Test
  void truncatedSheetFails() throws Exception {
    JsonNode report = verify(Arrays.copyOf(sheet, sheet.length - 200), "truncated.pdf");
    assertFalse(report.get("valid").asBoolean());
    assertFalse(passed(report, "signature"));
  }

  @Test
  void bytesAppendedAfterTheSignatureFail() throws Exception {
    byte[] appended = Arrays.copyOf(sheet, sheet.length + 10);
    JsonNode report = verify(appended, "appended.pdf");
    assertFalse(passed(report, "signature"));
    assertFalse(passed(report, "record"));
  }

  @Test
  void sheetUnknownToThisStationFailsTheRecordCheck() throws Exception {
    Path other = dir.resolve("other-station");
    try (var station =
        fr.aed.station.app.store.InterventionStore.open(other.resolve("station.db"))) {
      // another station, with its own (empty) record
    }
    Path file = Files.write(dir.resolve("elsewhere.pdf"), sheet);
    String[] result = run("sheet", "verify", file.toString(), "--data-dir", other.toString());

    assertEquals("1", result[0], result[2]);
    assertTrue(result[1].contains("[OK] signature"), result[1]);
    assertTrue(result[1].contains("[FAILED] record"), result[1]);
  }
}
