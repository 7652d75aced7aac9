package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.JournalForgery;
import fr.aed.station.app.store.MeetingJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed meeting opened read only: its steps, its journal's verdict, its sheet, its export. */
class ClosedMeetingViewModelTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  private ClosedMeetingViewModel opened(InterventionSummary meeting) {
    ClosedMeetingViewModel model =
        new ClosedMeetingViewModel(TestContexts.sameThread(dir, dialogs), meeting, () -> {});
    model.load();
    return model;
  }

  @Test
  void itsStepsAreTheJournalsEntriesOfThatMeetingInOrder() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);

    ClosedMeetingViewModel model = opened(meeting);

    assertTrue(model.title().contains(meeting.id()), model.title());
    assertTrue(model.steps().size() >= 8, model.steps().toString());
    assertTrue(model.steps().get(0).startsWith("n° "), model.steps().get(0));
    assertTrue(
        model.steps().stream().anyMatch(s -> s.contains(RecordLabels.step("KEY_GENERATED"))),
        model.steps().toString());
    assertTrue(
        model.steps().get(model.steps().size() - 1).contains(RecordLabels.step("CLOSED")),
        model.steps().toString());
    assertEquals(3, model.sheet().pages().size(), model.sheet().previewMessageProperty().get());
  }

  @Test
  void theJournalHoldsUpToTheMeetingSealedByTheDemonstrationCard() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);
    ClosedMeetingViewModel model = opened(meeting);

    model.verifyJournal();

    assertTrue(model.journalHoldsProperty().get(), model.verdictProperty().get());
    assertTrue(model.verdictProperty().get().startsWith("Journal intègre"));
    assertTrue(model.verdictProperty().get().contains(meeting.id()));
    assertTrue(
        model.verdictProperty().get().contains("carte de démonstration : sans valeur"),
        model.verdictProperty().get());
    assertFalse(model.verifyingProperty().get());
  }

  @Test
  void aJournalChangedBehindItsBackIsSaidBrokenAtTheEntryChanged() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);
    long first;
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      first = new MeetingJournal(store, meeting.id()).entries().get(0).sequence();
    }
    // the chain recomputed after the change: only the officer's seal over it can tell
    new JournalForgery(dir.resolve("station.db")).editAndRechain(first, "{}");
    ClosedMeetingViewModel model = opened(meeting);

    model.verifyJournal();

    assertFalse(model.journalHoldsProperty().get());
    assertTrue(
        model.verdictProperty().get().startsWith("Journal ROMPU à l'entrée"),
        model.verdictProperty().get());
  }

  @Test
  void withoutAViewerTheSheetsPathIsShownToOpenByHand() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);
    ClosedMeetingViewModel model = opened(meeting);
    dialogs.viewer = false;

    model.openSheet();

    assertTrue(dialogs.opened.isEmpty());
    assertTrue(
        model
            .messageProperty()
            .get()
            .contains(Path.of(meeting.sheetPath()).toAbsolutePath().toString()),
        model.messageProperty().get());
  }

  @Test
  void itsPackageForTheAuthorityIsExported() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);
    ClosedMeetingViewModel model = opened(meeting);
    assertTrue(model.export().availableBinding().get());

    model.export().export();

    Path zip = model.export().packagePathProperty().get();
    assertTrue(zip != null && Files.isRegularFile(zip), model.export().messageProperty().get());
    assertEquals(Path.of(meeting.sheetPath()).toAbsolutePath().getParent(), zip.getParent());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals("CLOSED", store.find(meeting.id()).orElseThrow().status(), "read only");
    }
  }

  @Test
  void anOpenMeetingDoesNotOpenHere() throws Exception {
    String id = TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    InterventionSummary open;
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      open = store.find(id).orElseThrow();
    }
    assertFalse(ClosedMeetingViewModel.opens(open));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ClosedMeetingViewModel(TestContexts.sameThread(dir, dialogs), open, () -> {}));
  }

  @Test
  void theHomeScreenOpensClosedMeetingsOnly() throws Exception {
    InterventionSummary meeting = ClosedMeetings.close(dir);
    String id = TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    List<InterventionSummary> shown = new ArrayList<>();
    HomeViewModel home =
        new HomeViewModel(
            TestContexts.sameThread(dir, dialogs), e -> {}, () -> {}, r -> {}, shown::add);
    home.refresh();
    InterventionSummary open =
        home.interventions().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();

    home.openClosed(open);
    home.openClosed(meeting);

    assertEquals(List.of(meeting.id()), shown.stream().map(InterventionSummary::id).toList());
    assertFalse(home.canOpenClosed(open));
  }
}
