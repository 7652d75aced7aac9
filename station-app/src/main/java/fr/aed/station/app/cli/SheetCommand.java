package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.HandSignedScanAfterMeeting;
import fr.aed.station.app.enrollment.HolderSignatureAttachment;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.SheetVerification;
import fr.aed.station.app.sheet.SheetVerification.Check;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.pades.HttpTimestampAuthority;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.crypto.trust.SignerTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station sheet}: intervention sheets. */
@Command(
    name = "sheet",
    mixinStandardHelpOptions = true,
    description = "Intervention sheets.",
    subcommands = {SheetCommand.Verify.class, SheetCommand.AttachScan.class})
final class SheetCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a sheet: its PAdES signatures, that its signer's certificate chains to the trust",
        "list, its PDF/A claim (veraPDF), that it is the sheet of its intervention (the bytes,",
        "the file and the request recorded for it) and that the journal holds up to the seal",
        "over its signature. Exit 0 when every check passes; 1 when one fails or no trust list",
        "was given; 2 when a trust list or revocation list cannot be read."
      })
  static final class Verify implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The sheet (PDF).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Mixin DataDirectory data;
    @Mixin TrustOptions trustOptions;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      SignerTrust trust = trustOptions.trust(data);
      byte[] pdf;
      try {
        pdf = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new StationCommandException(
            "cannot read the sheet " + file + ": " + e.getMessage(), e);
      }
      try (InterventionStore store = InterventionStore.openReadOnly(data.database())) {
        List<Check> checks = new SheetVerification(store, trust).verify(file, pdf);
        print(spec.commandLine().getOut(), checks);
        if (!trust.checks()) {
          throw new StationCommandException(
              "the signer was not checked against a trust list: " + TrustOptions.NO_TRUST_LIST);
        }
        return checks.stream().allMatch(Check::passed) ? 0 : 1;
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    private void print(PrintWriter out, List<Check> checks) {
      if (json) {
        ObjectNode node = EnrollmentFile.mapper().createObjectNode();
        node.put("file", file.toString());
        node.put("valid", checks.stream().allMatch(Check::passed));
        ArrayNode array = node.putArray("checks");
        checks.forEach(
            c ->
                array
                    .addObject()
                    .put("name", c.name())
                    .put("passed", c.passed())
                    .put("detail", c.detail()));
        out.println(node.toString());
      } else {
        checks.forEach(
            c ->
                out.printf(
                    "[%s] %-9s %s%n",
                    c.passed() ? "OK" : "FAILED", c.name(), VisibleText.of(c.detail())));
      }
      out.flush();
    }
  }

  @Command(
      name = "attach-scan",
      mixinStandardHelpOptions = true,
      description = {
        "Attaches the scan of the sheet the holder signed by hand (PDF, PNG, JPEG or TIFF): inside",
        "the recorded sheet of an open meeting, before the officer signs it (station resume",
        "--officer ...); or, once the meeting is closed with the sheet signed and the holder did",
        "not sign on screen, as a new revision of the signed sheet that the officer's card signs",
        "again (--officer), the first signature untouched; once only."
      })
  static final class AttachScan implements Runnable {

    @Parameters(index = "0", paramLabel = "INTERVENTION", description = "The intervention.")
    String interventionId;

    @Parameters(index = "1", paramLabel = "SCAN", description = "The scanned, hand-signed sheet.")
    Path scan;

    @Option(
        names = "--tsa",
        paramLabel = "URL",
        description =
            "RFC 3161 timestamp authority for the officer's signature over a closed"
                + " meeting's scan (PAdES baseline T).")
    URI tsa;

    @Mixin OfficerOptions officer;
    @Mixin DataDirectory data;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      officer.check();
      try (InterventionStore store = InterventionStore.open(data.database())) {
        InterventionState state =
            store
                .state(interventionId)
                .orElseThrow(
                    () ->
                        new StationCommandException(
                            "no intervention " + interventionId + ": see `station list`"));
        Path sheet =
            state.step() == Step.CLOSED
                ? afterMeeting(store, state)
                : new HolderSignatureAttachment(store, Clock.systemDefaultZone())
                    .attach(interventionId, scan);
        spec.commandLine().getOut().println("Scan attached inside " + sheet);
        spec.commandLine().getOut().flush();
      } catch (StoreException | EnrollmentException | DossierFileException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    private Path afterMeeting(InterventionStore store, InterventionState state)
        throws EnrollmentException, DossierFileException {
      if (officer.officer == null) {
        throw new StationCommandException(
            "the officer has signed the sheet of intervention "
                + interventionId
                + ", which is closed: the scan joins it as a new revision that the officer's"
                + " card signs again; give --officer");
      }
      Officer profile =
          EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson())
              .meeting()
              .officer();
      try (OfficerCredential credential = officer.open(profile, data)) {
        return new HandSignedScanAfterMeeting(store, Clock.systemDefaultZone())
            .attach(interventionId, scan, credential, timestamps());
      }
    }

    private Optional<TimestampAuthority> timestamps() {
      try {
        return Optional.ofNullable(tsa)
            .map(url -> new HttpTimestampAuthority(url, EnrollmentOptions.TSA_TIMEOUT));
      } catch (IllegalArgumentException e) {
        throw new StationCommandException("--tsa: " + e.getMessage(), e);
      }
    }
  }
}
