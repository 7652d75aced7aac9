package fr.aed.station.app.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.Step;
import fr.aed.station.token.KeyType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a real station process (SIGKILL) as soon as it reports a step, then checks that the record
 * is intact and that the meeting resumes to its end.
 */
class CrashRecoveryTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {
        "DOSSIER_OPENED",
        "CHECKS_RECORDED",
        "TOKEN_IDENTIFIED",
        "PIN_CHANGED",
        "KEY_GENERATED",
        "REQUEST_BUILT",
        "SHEET_PRODUCED",
        "SHEET_SIGNED"
      })
  void processKilledAfterAStepLeavesAResumableRecord(Step killAfter) throws Exception {
    killStationAfter(killAfter);

    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals(Optional.empty(), store.verifyJournal(), "journal intact after the kill");
      InterventionSummary record = store.list().get(0);
      assertTrue(
          Step.valueOf(record.step()).ordinal() >= killAfter.ordinal(),
          "the step reported before the kill is recorded: " + record.step());
      if (record.status().equals("OPEN")) {
        OfficerCredential officer =
            DemoOfficerCard.open(
                dir.resolve("demo-officer"),
                SampleEnrollment.at(LocalDateTime.now()).meeting().officer());
        EnrollmentService service =
            new EnrollmentService(
                store, new PdfSheetRenderer(), Clock.systemDefaultZone(), officer);
        // The simulated card left with the killed process: the officer goes on with a new card,
        // chosen as such, while the key is still to be made; past the request no card is needed.
        service.resume(
            record.id(),
            new EnrollmentRequest(
                null,
                TokenConnectors.freshSimulatedCard(),
                TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                Step.valueOf(record.step()).ordinal() < Step.REQUEST_BUILT.ordinal()
                    ? CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray)
                        .onNewCard()
                    : CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                KeyType.P256,
                dir.resolve("resumed"),
                EnrollmentListener.NONE));
        officer.close();
      }
      assertEquals("CLOSED", store.find(record.id()).orElseThrow().status());
      assertEquals(Optional.empty(), store.verifyJournal());
    }
  }

  private void killStationAfter(Step step) throws Exception {
    Process station =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "fr.aed.station.app.Station",
                "demo",
                "--algorithm",
                "p256",
                "--data-dir",
                dir.toString(),
                "--out",
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      List<String> seen = new java.util.ArrayList<>();
      while ((line = lines.readLine()) != null) {
        seen.add(line);
        if (line.contains("] " + step.name() + " ")) {
          station.destroyForcibly();
          break;
        }
      }
      assertTrue(station.waitFor(30, TimeUnit.SECONDS), "station stopped");
      assertTrue(seen.stream().anyMatch(l -> l.contains(step.name())), String.join("\n", seen));
    }
  }
}
