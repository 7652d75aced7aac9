package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station check-id} and {@code station check-company} as a user runs them. */
class CheckCommandsTest {

  private static final String CNIE =
      "IDFRAX4RTBPFW46<<<<<<<<<<<<<<<\r\n9007138F3002119FRA<<<<<<<<<<<6\r\n"
          + "MARTIN<<MAELYS<GAELLE<MARIE<<<\r\n";
  private static final String PASSPORT =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path mrzFile(String content) throws Exception {
    Path file = dir.resolve("mrz.txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void anAcceptedIdCardExitsZeroAndListsEveryCheck() throws Exception {
    Run run = station("check-id", "--mrz-file", mrzFile(CNIE).toString(), "--on", "2025-06-01");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Pièce d'identité : ACCEPTÉE"), run.out());
    assertTrue(
        run.out().contains("  [OK] Chiffre de contrôle global (composite) correct."), run.out());
    assertTrue(run.out().contains("Numéro : X4RTBPFW4"), run.out());
    assertFalse(run.out().contains("REFUS]"), run.out());
    assertFalse(run.out().contains("COMPOSITE_CHECK_DIGIT"), "no code name in the lines");
  }

  @Test
  void theLinesAreInEnglishWhenAsked() throws Exception {
    Run run =
        station(
            "check-id",
            "--mrz-file",
            mrzFile(CNIE).toString(),
            "--on",
            "2025-06-01",
            "--lang",
            "en");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Identity document: ACCEPTED"), run.out());
    assertTrue(
        run.out().contains("  [OK] Check digit of the whole zone (composite) right."), run.out());
    assertTrue(run.out().contains("Kind: National identity card"), run.out());
    assertFalse(run.out().matches("(?s).*[éèàç].*"), run.out());
  }

  @Test
  void anExpiredPassportExitsOneWithItsReasonInJson() throws Exception {
    Run run =
        station(
            "check-id", "--mrz-file", mrzFile(PASSPORT).toString(), "--on", "2025-06-01", "--json");

    assertEquals(1, run.code(), run.err());
    JsonNode json = EnrollmentFile.mapper().readTree(run.out());
    assertFalse(json.get("accepted").asBoolean());
    JsonNode validity = null;
    for (JsonNode check : json.get("checks")) {
      if (check.get("code").asText().equals("VALIDITY")) {
        validity = check;
      }
    }
    assertFalse(validity.get("passed").asBoolean());
    assertTrue(validity.get("reason").asText().contains("15/04/2012"), run.out());
    assertEquals("L898902C3", json.get("fields").get("number").asText());
    assertEquals("1974-08-12", json.get("fields").get("birthDate").asText());
  }

  @Test
  void aWrongCheckDigitIsPrintedWithBothDigits() throws Exception {
    String wrong = PASSPORT.replace("L898902C36", "L898902C37");
    Run run = station("check-id", "--mrz-file", mrzFile(wrong).toString(), "--on", "2012-01-01");

    assertEquals(1, run.code());
    assertTrue(
        run.out()
            .contains(
                "[REFUS] Chiffre de contrôle du numéro de document"
                    + " incorrect : 6 attendu, 7 lu."),
        run.out());
  }

  @Test
  void theMrzCanComeFromStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(CNIE.getBytes(StandardCharsets.UTF_8)));
      Run run = station("check-id", "--mrz-file", "-", "--on", "2025-06-01", "--json");
      assertEquals(0, run.code(), run.out() + run.err());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void anUnreadableFileIsOneErrorLine() {
    Run run = station("check-id", "--mrz-file", dir.resolve("missing.txt").toString());

    assertEquals(1, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("error: cannot read MRZ file "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void wrongUsageExitsTwo() {
    assertEquals(2, station("check-id").code());
    assertEquals(2, station("check-id", "--mrz-file", "x", "--on", "yesterday").code());
    assertEquals(2, station("check-company").code());
    assertEquals(2, station("check-company", "--siren", "1", "--siret", "2").code());
  }

  @Test
  void anAcceptedCompanyExitsZero() {
    Run run =
        station(
            "check-company",
            "--siren",
            "552081317",
            "--vat",
            "FR03552081317",
            "--kbis-date",
            "2025-04-01",
            "--on",
            "2025-06-01");

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(
        run.out().contains("[OK] Numéro de TVA FR03552081317 conforme au SIREN."), run.out());
    assertTrue(run.out().contains("[OK] Extrait Kbis du 01/04/2025"), run.out());
  }

  @Test
  void aRefusedCompanyPrintsEveryReasonInJson() throws Exception {
    Run run =
        station(
            "check-company",
            "--siret",
            "91234567500018",
            "--kbis-date",
            "2025-01-01",
            "--on",
            "2025-06-01",
            "--json");

    assertEquals(1, run.code(), run.err());
    JsonNode json = EnrollmentFile.mapper().readTree(run.out());
    assertFalse(json.get("accepted").asBoolean());
    assertEquals(2, json.get("checks").size());
    for (JsonNode check : json.get("checks")) {
      assertFalse(check.get("passed").asBoolean(), check.toString());
      assertFalse(check.get("reason").asText().isBlank());
      assertTrue(check.get("code").asText().matches("[A-Z_]+"), check.toString());
    }
  }
}
