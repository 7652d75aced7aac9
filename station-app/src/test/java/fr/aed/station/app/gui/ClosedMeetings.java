package fr.aed.station.app.gui;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** Whole meetings for the tests of closed meetings: run on the simulated card, sheet signed. */
final class ClosedMeetings {

  private ClosedMeetings() {}

  /**
   * Runs a meeting to its close in {@code dir} (the testers' mode: the demonstration officer card
   * signs the sheet and seals the journal) and returns it as listed.
   */
  static InterventionSummary close(Path dir) throws Exception {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, new TestContexts.FakeDialogs()),
                SampleEnrollment.at(LocalDateTime.now()),
                () -> {}));
    model.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    model.signSheet(true);
    if (!model.run().closedProperty().get()) {
      throw new IllegalStateException(model.run().messageProperty().get());
    }
    model.close();
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.find(model.run().interventionIdProperty().get()).orElseThrow();
    }
  }
}
