package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerProfiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officer's yearly training at the window: told at sign-in and at home a month before it runs
 * out; once run out, no meeting starts, and one under way is refused by the rules.
 */
class OfficerTrainingTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private final List<Enrollment> opened = new ArrayList<>();

  // The sample's officer, recorded at this station with their last training on {@code trainedOn}.
  private Officer recordTrainedOn(LocalDate trainedOn) throws Exception {
    Officer sample = SampleEnrollment.at(LocalDateTime.now()).meeting().officer();
    Officer officer =
        new Officer(
            sample.name(),
            sample.office(),
            sample.address(),
            sample.aedIdentifier(),
            trainedOn,
            sample.accreditation());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      new OfficerProfiles(store)
          .save(new OfficerProfiles.OfficerProfile(officer, "pcsc:Lecteur"), Instant.now());
    }
    return officer;
  }

  private HomeViewModel home() {
    HomeViewModel home = new HomeViewModel(TestContexts.sameThread(dir, dialogs), opened::add);
    home.refresh();
    return home;
  }

  @Test
  void aTrainingRunningOutWithinAMonthIsSaidWithItsLastDay() throws Exception {
    LocalDate trainedOn = LocalDate.now().minusMonths(11).minusDays(10);
    Officer officer = recordTrainedOn(trainedOn);
    String lastDay = Texts.get("training.expires-soon", officer.trainingValidUntil());

    OfficerSignInViewModel signIn =
        new OfficerSignInViewModel(TestContexts.sameThread(dir, dialogs), credential -> {});
    signIn.load();
    HomeViewModel home = home();

    assertEquals(lastDay, signIn.trainingNoticeProperty().get());
    assertTrue(lastDay.contains("/"), lastDay);
    assertEquals(lastDay, home.trainingNoticeProperty().get());
    home.startFromSample();
    assertEquals(1, opened.size(), "a meeting still starts");
  }

  @Test
  void aCurrentTrainingSaysNothing() throws Exception {
    recordTrainedOn(LocalDate.now().minusMonths(2));

    OfficerSignInViewModel signIn =
        new OfficerSignInViewModel(TestContexts.sameThread(dir, dialogs), credential -> {});
    signIn.load();

    assertEquals("", signIn.trainingNoticeProperty().get());
    assertEquals("", home().trainingNoticeProperty().get());
  }

  @Test
  void aTrainingRunOutStartsNoMeetingAndSaysWhy() throws Exception {
    recordTrainedOn(LocalDate.now().minusYears(1).minusDays(3));
    HomeViewModel home = home();

    assertTrue(home.trainingExpiredProperty().get());
    assertTrue(
        home.trainingNoticeProperty().get().contains("aucun rendez-vous ne peut commencer"),
        home.trainingNoticeProperty().get());
    home.startFromSample();
    home.enterDossier();
    dialogs.toChoose = dir.resolve("never-read.json");
    home.importEnrollment();

    assertTrue(opened.isEmpty(), "no meeting started");
    assertEquals(home.trainingNoticeProperty().get(), home.messageProperty().get());
  }

  @Test
  void aMeetingHeldByAnOfficerWhoseTrainingRanOutIsRefusedByTheRules() throws Exception {
    recordTrainedOn(LocalDate.now().minusYears(2));
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs),
                SampleEnrollment.at(LocalDateTime.now()),
                () -> {}));

    model.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());

    assertTrue(model.run().refusedProperty().get(), model.run().messageProperty().get());
    assertTrue(
        model.refusals().stream().anyMatch(reason -> reason.contains("formation")),
        model.refusals().toString());
  }
}
