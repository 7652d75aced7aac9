package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeViewModelTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private final List<Enrollment> opened = new ArrayList<>();

  private HomeViewModel model() {
    return new HomeViewModel(TestContexts.sameThread(dir, dialogs), opened::add);
  }

  private static Enrollment otherCompany() {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    Dossier d = sample.dossier();
    Company c = d.company();
    Company renamed =
        new Company("Boulangerie Témoin", c.legalForm(), c.siren(), c.siret(), c.holderRole());
    return new Enrollment(
        new Dossier(
            "DOS-2", d.orderReference(), d.product(), d.validityYears(), d.holder(), renamed),
        sample.meeting());
  }

  @Test
  void listsTheRecordedInterventionsAndSearchesHolderOrCompany() throws Exception {
    TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    TestContexts.openMeeting(dir, otherCompany());
    HomeViewModel model = model();

    model.refresh();
    assertEquals(2, model.interventions().size());

    model.searchProperty().set("boulangerie");
    assertEquals(List.of("DOS-2"), dossiers(model));

    model.searchProperty().set("lefevre");
    assertEquals(2, model.interventions().size(), "the holder's name, accents ignored");

    model.searchProperty().set("");
    model.statusFilterProperty().set("CLOSED");
    assertTrue(model.interventions().isEmpty());
  }

  private static List<String> dossiers(HomeViewModel model) {
    return model.interventions().stream().map(InterventionSummary::dossierId).toList();
  }

  @Test
  void resumeOpensTheWizardOnTheRecordedMeetingAndRunsNothing() throws Exception {
    String id = TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    List<RecordedMeeting> takenUp = new ArrayList<>();
    HomeViewModel model =
        new HomeViewModel(
            TestContexts.sameThread(dir, dialogs), opened::add, () -> {}, takenUp::add);
    model.refresh();
    InterventionSummary open = model.interventions().get(0);
    assertTrue(model.canResume(open));

    model.resume(open);

    assertFalse(model.busyProperty().get());
    assertEquals(1, takenUp.size(), model.messageProperty().get());
    assertEquals(id, takenUp.get(0).interventionId());
    assertTrue(takenUp.get(0).awaitingSignatures(), "the sheet waits for the signatures");
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals("OPEN", store.state(id).orElseThrow().status());
    }
  }

  @Test
  void anOfficerWithARealCardCanResumeToo() throws Exception {
    TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    StationContext testers = TestContexts.sameThread(dir, dialogs);
    StationContext officers =
        new StationContext(
            testers.databaseFile(),
            testers.outputRoot(),
            testers.sheetRenderer(),
            testers.clock(),
            testers.background(),
            testers.ui(),
            testers.dialogs(),
            false,
            testers.readers());
    HomeViewModel model = new HomeViewModel(officers, opened::add);
    model.refresh();

    assertTrue(model.canResume(model.interventions().get(0)));
  }

  @Test
  void importsAnEnrollmentFileThroughTheDialogService() throws Exception {
    Path file = dir.resolve("dossier.json");
    Files.writeString(file, EnrollmentFile.toJson(otherCompany()));
    dialogs.toChoose = file;
    HomeViewModel model = model();

    model.importEnrollment();

    assertEquals(1, opened.size());
    assertEquals("DOS-2", opened.get(0).dossier().id());
  }

  @Test
  void anUnreadableFileIsSaidInFrenchAndOpensNothing() throws Exception {
    dialogs.toChoose = Files.writeString(dir.resolve("bad.json"), "{");
    HomeViewModel model = model();

    model.importEnrollment();

    assertTrue(opened.isEmpty());
    assertTrue(model.messageProperty().get().startsWith("Dossier illisible : "));
  }

  @Test
  void cancellingTheFileChoiceDoesNothingAndTheSampleOpensInTestersMode() {
    HomeViewModel model = model();

    model.importEnrollment();
    assertTrue(opened.isEmpty());
    assertNull(dialogs.toChoose);

    model.startFromSample();
    assertEquals("DOS-DEMO-0001", opened.get(0).dossier().id());
  }
}
