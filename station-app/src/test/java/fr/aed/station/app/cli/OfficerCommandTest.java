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
            "AED-DEMO-025-01");
    assertEquals(0, registered.code(), registered.err());
    assertTrue(registered.out().contains("sealing for: CN=Maître Jean Exemple"), registered.out());
    assertTrue(station("officer", "show").out().contains("(AED-DEMO-025-01), card: demo"));

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
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo");
    assertEquals(0, withCard.code(), withCard.err());
    assertTrue(station("list", "--status", "CLOSED").out().contains(id));
  }
}
