package fr.aed.station.app.cli;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.officer.MeetingOfficer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerMismatchException;
import fr.aed.station.app.rules.OfficerTraining;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station officer}: the officer who uses the station, and their card. */
@Command(
    name = "officer",
    mixinStandardHelpOptions = true,
    description = "The officer who uses the station and the card identities are sealed for.",
    subcommands = {OfficerCommand.Register.class, OfficerCommand.Show.class})
final class OfficerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = {
        "Records the officer and registers their card's key-management certificate:",
        "identity documents of the meetings that follow are sealed for it."
      })
  static final class Register implements Runnable {

    @Mixin DataDirectory data;
    @Mixin OfficerOptions card;

    @Option(names = "--name", required = true, description = "The officer's full name.")
    String name;

    @Option(names = "--office", required = true, description = "The office (étude).")
    String office;

    @Option(names = "--address", required = true, description = "The office's postal address.")
    String address;

    @Option(
        names = "--aed-id",
        required = true,
        description = "The identifier the certificate authority gave the officer.")
    String aedIdentifier;

    @Option(
        names = "--trained-on",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description =
            "The day of the officer's last training on identity documents, fraud and data"
                + " protection: a meeting is refused when it is more than a year old.")
    LocalDate trainedOn;

    @Option(
        names = "--accreditation",
        required = true,
        description = "The certificate authority's reference of the officer's accreditation.")
    String accreditation;

    @Spec CommandSpec spec;

    @Override
    public void run() {
      if (card.officer == null) {
        throw new StationCommandException("--officer is required: the officer's card", null);
      }
      Officer officer = new Officer(name, office, address, aedIdentifier, trainedOn, accreditation);
      try (OfficerCredential credential = card.open(officer, data);
          InterventionStore store = InterventionStore.open(data.database())) {
        MeetingOfficer.requireIssuedTo(credential.certificate(), officer);
        X509Certificate keyManagement = credential.keyManagement();
        if (keyManagement == null) {
          throw new StationCommandException(
              "the officer's card holds no key-management certificate (PIV slot 9D, RSA):"
                  + " identity documents could not be sealed for it",
              null);
        }
        Instant now = Instant.now();
        new OfficerProfiles(store).save(new OfficerProfile(officer, card.officer), now);
        new OfficerKeyring(store).register(keyManagement, now);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "officer: "
                + VisibleText.of(officer.name())
                + " ("
                + VisibleText.of(officer.aedIdentifier())
                + ")");
        out.println("sealing for: " + keyManagement.getSubjectX500Principal().getName());
        out.println("certificate SHA-256: " + OfficerKeyring.fingerprint(keyManagement));
      } catch (StoreException | OfficerMismatchException | IllegalArgumentException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints the recorded officer and the certificate identities are sealed for.")
  static final class Show implements Runnable {

    @Mixin DataDirectory data;

    @Spec CommandSpec spec;

    @Override
    public void run() {
      try (InterventionStore store = InterventionStore.open(data.database())) {
        PrintWriter out = spec.commandLine().getOut();
        new OfficerProfiles(store)
            .load()
            .ifPresentOrElse(
                p -> {
                  out.println(
                      "officer: "
                          + VisibleText.of(p.officer().name())
                          + " ("
                          + VisibleText.of(p.officer().aedIdentifier())
                          + "), card: "
                          + p.credential());
                  out.println(training(p.officer(), LocalDate.now()));
                },
                () -> out.println("officer: none recorded (station officer register)"));
        out.println(
            "sealing for: "
                + new OfficerKeyring(store)
                    .current()
                    .map(c -> c.getSubjectX500Principal().getName())
                    .orElse("no card registered"));
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    // The training line: when, and whether a meeting can still be held.
    static String training(Officer officer, LocalDate today) {
      String line =
          "training: "
              + officer.trainedOn()
              + ", accreditation "
              + VisibleText.of(officer.accreditation());
      return switch (OfficerTraining.of(officer, today)) {
        case CURRENT -> line + " (meetings allowed until " + officer.trainingValidUntil() + ")";
        case EXPIRES_SOON ->
            line + " (renew it: meetings are refused after " + officer.trainingValidUntil() + ")";
        case EXPIRED ->
            line + " (more than a year old: meetings are refused until the training is renewed)";
      };
    }
  }
}
