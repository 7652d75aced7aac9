package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station resume}: takes up an interrupted meeting at the step it had reached. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resumes an interrupted meeting (card pulled, wrong PIN, crash) from its last recorded step.",
      "When the request was not built yet, the token steps are done again on the given token."
    })
final class ResumeCommand implements Runnable {

  @Parameters(
      paramLabel = "INTERVENTION",
      description = "The intervention, as `station list` shows it.")
  String interventionId;

  @Option(
      names = "--token",
      converter = TokenSpecConverter.class,
      paramLabel = "SPEC",
      defaultValue = "simulated",
      description =
          "pcsc:<reader name part>, pkcs11:<module>[;slot=N|;token=LABEL][;so-pin-env=VAR], or"
              + " simulated for a fresh simulated card (default: ${DEFAULT-VALUE}).")
  TokenConnector token;

  @Option(
      names = "--new-card",
      description =
          "Go on with another card than the one the meeting recorded (the first one lost or"
              + " broken), while its key is still to be made: the new card starts from its own"
              + " PIN (give its factory or transport PIN with --pin-env or --pin-file), the"
              + " holder sets theirs on it again, and the journal records which card it replaces."
              + " Without it, another card is refused before any PIN is sent.")
  boolean newCard;

  @Mixin PinOptions pin;
  @Mixin OfficerOptions officer;
  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    EnrollmentPreflight.check(
        data, options, pin, officer, EnrollmentPreflight.given(spec, "--token"));
    try (OfficerCredential credential = officer.open(recordedOfficer(), data)) {
      new EnrollmentRunner(spec.commandLine().getOut())
          .resume(
              interventionId,
              pin.connector(token),
              pin.source(),
              newCard ? pin.setup().onNewCard() : pin.setup(),
              credential,
              options,
              data);
    }
  }

  private Officer recordedOfficer() {
    try (InterventionStore store = InterventionStore.open(data.database())) {
      return Officers.recorded(store, interventionId);
    } catch (StoreException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }
}
