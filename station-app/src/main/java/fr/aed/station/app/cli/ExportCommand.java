package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.export.CaExport;
import fr.aed.station.app.export.ExportContents;
import fr.aed.station.app.export.ExportException;
import fr.aed.station.app.export.ExportPackage;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station export}: the package of a closed intervention for the certificate authority. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the package of a CLOSED intervention for the certificate authority: a ZIP with the",
      "signed sheet, the request and manifest.json (SHA-256 and size of each file, the journal's",
      "head), the manifest signed by the officer (manifest.json.p7s, detached CMS)."
    })
final class ExportCommand implements Runnable {

  @Parameters(
      paramLabel = "INTERVENTION",
      description = "The intervention, as `station list` shows it.")
  String interventionId;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The folder to write the package in.")
  Path out;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    if (officer.officer == null) {
      throw new StationCommandException(
          "the manifest must be signed by the officer: add --officer pcsc:<reader> (or demo)");
    }
    try (InterventionStore store = InterventionStore.open(data.database())) {
      CaExport export = new CaExport(store, Clock.systemUTC());
      ExportContents contents = export.prepare(interventionId);
      try (OfficerCredential credential = officer.open(recordedOfficer(store), data)) {
        print(spec.commandLine().getOut(), contents, export.export(contents, credential, out));
      }
    } catch (StoreException | ExportException e) {
      throw new StationCommandException(e.getMessage(), e);
    } catch (DeviceSigningException e) {
      throw new StationCommandException(
          "the officer's card did not sign the manifest: " + e.getMessage() + "; nothing exported",
          e);
    }
  }

  private Officer recordedOfficer(InterventionStore store) throws StoreException {
    try {
      String json = store.state(interventionId).orElseThrow().enrollmentJson();
      return EnrollmentFile.parseBeforeProofing(interventionId, json).meeting().officer();
    } catch (DossierFileException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(PrintWriter printer, ExportContents contents, ExportPackage written) {
    if (json) {
      ObjectNode node = EnrollmentFile.mapper().createObjectNode();
      node.put("interventionId", contents.interventionId());
      node.put("dossierId", contents.dossierId());
      node.put("package", written.zip().toAbsolutePath().toString());
      node.put("packageSha256", written.sha256());
      node.put("manifestSha256", written.manifestSha256());
      node.putObject("journalHead")
          .put("sequence", contents.journalHead().sequence())
          .put("hash", contents.journalHead().hash());
      printer.println(node.toString());
    } else {
      printer.println("Package written: " + written.zip().toAbsolutePath());
      printer.println("SHA-256: " + written.sha256());
    }
    printer.flush();
  }
}
