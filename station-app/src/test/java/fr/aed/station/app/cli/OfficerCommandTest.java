package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officer registered once, the identity documents sealed for their card: a meeting recorded
 * without the card is resumed only with it.
 */
class OfficerCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
    withData[args.length] = "--data-dir";
    withData[args.length + 1] = dir.toString();
    int code = StationCommand.execute(withData, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path dossier() throws Exception {
    return Files.writeString(
        dir.resolve("dossier.json"),
        EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
  }

  @Test
  void withoutARegisteredOfficerNothingIsRecordedInClear() throws Exception {
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    Run run =
        station(
            "enroll",
            "--dossier",
            dossier().toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("station officer register"), run.err());
    assertTrue(station("list").out().isBlank() || !station("list").out().contains("INT-"));
  }

  @Test
  void registeredOfficersCardOpensWhatWasSealedWithoutIt() throws Exception {
    Run registered =
        station(
            "officer",
            "register",
            "--officer",
            "demo",
            "--name",
            "Maître Jean Exemple",
            "--office",
            "Étude Exemple",
            "--address",
            "1 rue de l'Exemple, 25000 Besançon",
            "--aed-id",
            "AED-DEMO-025-01",
            "--trained-on",
            java.time.LocalDate.now().minusMonths(2).toString(),
            "--accreditation",
            "ACC-1");
    assertEquals(0, registered.code(), registered.err());
    assertTrue(registered.out().contains("sealing for: CN=Maître Jean Exemple"), registered.out());
    assertTrue(station("officer", "show").out().contains("(AED-DEMO-025-01), card: demo"));
    assertTrue(
        station("officer", "show")
            .out()
            .contains(
                "training: "
                    + java.time.LocalDate.now().minusMonths(2)
                    + ", accreditation ACC-1 (meetings allowed until "),
        "the training and how long it allows meetings");

    Path wrongPin = HolderPins.secretFile(dir.resolve("wrong"), "000000\n");
    Run interrupted =
        station(
            "enroll",
            "--dossier",
            dossier().toString(),
            "--token",
            "simulated",
            "--pin-file",
            wrongPin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--json");
    assertEquals(1, interrupted.code());
    String id = interrupted.err().replaceAll("(?s).*(INT-[0-9]{8}-[0-9A-F]{8}).*", "$1");
    assertTrue(id.startsWith("INT-"), interrupted.err());

    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    Run withoutCard = station("resume", id, "--token", "simulated", "--pin-file", pin.toString());
    assertEquals(1, withoutCard.code());
    assertTrue(withoutCard.err().contains("is sealed for the officer's card"), withoutCard.err());

    Run withCard =
        station(
            "resume",
            id,
            "--token",
            "simulated",
            "--new-card",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo");
    assertEquals(0, withCard.code(), withCard.err());
    assertTrue(station("list", "--status", "CLOSED").out().contains(id));
  }

  private Run register(String name, String aedIdentifier) {
    return station(
        "officer",
        "register",
        "--officer",
        "demo",
        "--name",
        name,
        "--office",
        "Étude Exemple",
        "--address",
        "1 rue de l'Exemple, 25000 Besançon",
        "--aed-id",
        aedIdentifier,
        "--trained-on",
        java.time.LocalDate.now().minusMonths(2).toString(),
        "--accreditation",
        "ACC-1");
  }

  // Seen in a hostile trial: the demonstration card registered under the holder's own name, a
  // dossier naming someone else as the officer, and the meeting closed.
  @Test
  void theHolderRegisteredAsTheOfficerCannotHoldTheMeetingUnderAnotherName() throws Exception {
    assertEquals(0, register("Élodie Lefèvre-Dubois", "AED-HOLDER").code());

    Run run =
        station(
            "enroll",
            "--dossier",
            dossier().toString(),
            "--token",
            "simulated",
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo");

    assertEquals(1, run.code(), run.out());
    assertTrue(
        run.err().contains("the dossier names the officer 'Maître Jean Exemple'")
            && run.err().contains("this station's officer is 'Élodie Lefèvre-Dubois'"),
        run.err());
    assertTrue(!station("list").out().contains("INT-"), "nothing is recorded");
  }

  @Test
  void aCardIssuedToSomeoneElseIsNotRegisteredForTheOfficer() {
    assertEquals(0, register("Maître Jean Exemple", "AED-DEMO-025-01").code());

    Run other = register("Maître Paul Autre", "AED-DEMO-025-02");

    assertEquals(1, other.code(), other.out());
    assertTrue(other.err().contains("is issued to 'Maître Jean Exemple"), other.err());
    assertTrue(
        station("officer", "show").out().contains("Maître Jean Exemple (AED-DEMO-025-01)"),
        "the registered officer is kept");
  }

  @Test
  void theSheetNamesTheRegisteredOfficerNotTheFilesSpelling() throws Exception {
    assertEquals(0, register("Maître Jean Exemple", "AED-DEMO-025-01").code());
    String json =
        EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now()))
            .replace("\"Étude Exemple, commissaires de justice\"", "\"Étude Fantôme\"")
            .replace("\"Maître Jean Exemple\"", "\"MAITRE JEAN EXEMPLE\"");
    Path dossier = Files.writeString(dir.resolve("typed.json"), json);
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run =
        station(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo",
            "--out",
            dir.resolve("out").toString());

    assertEquals(0, run.code(), run.err());
    Path sheet;
    try (var files = Files.list(dir.resolve("out"))) {
      sheet = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertTrue(text.contains("Maître Jean Exemple"), text);
      assertTrue(text.contains("Étude Exemple"), text);
      assertTrue(!text.contains("Étude Fantôme") && !text.contains("MAITRE JEAN"), text);
    }
  }

  @Test
  void theTrainingSaysWhenToRenewItAndWhenMeetingsAreRefused() {
    fr.aed.station.app.domain.Officer officer =
        new fr.aed.station.app.domain.Officer(
            "Maître Jean Exemple",
            "Étude",
            "1 rue",
            "AED-1",
            java.time.LocalDate.of(2026, 1, 10),
            "ACC-1");

    assertTrue(
        OfficerCommand.Show.training(officer, java.time.LocalDate.of(2026, 12, 20))
            .endsWith("(renew it: meetings are refused after 2027-01-10)"));
    assertTrue(
        OfficerCommand.Show.training(officer, java.time.LocalDate.of(2027, 1, 11))
            .endsWith(
                "(more than a year old: meetings are refused until the training is renewed)"));
  }
}
