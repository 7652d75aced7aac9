package fr.aed.station.app.export;

import fr.aed.station.app.audit.AuditException;
import fr.aed.station.app.audit.AuditJson;
import fr.aed.station.app.audit.ProofingAudit;
import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.JournalCheckpoints;
import fr.aed.station.app.store.JournalHead;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.SheetRecords;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.JournalCheckpoint;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.pades.DetachedSignatures;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The package a closed intervention is sent in to the certificate authority: the signed sheet, the
 * request, the audit of the identity proofing and a manifest of them, the manifest signed by the
 * officer. The export is journaled.
 */
public final class CaExport {

  /** The journal event of an export. */
  public static final String EVENT = "EXPORTED";

  /**
   * The journal checkpoint every package carries, signed by the officer: the certificate authority
   * keeps it, and a rollback or a cut of this station's journal is found against it later.
   */
  public static final String CHECKPOINT = "journal-checkpoint.txt";

  /**
   * The audit of the meeting's identity proofing, requirement by requirement (in French, as the
   * record keeps its words), signed with the rest through the manifest.
   */
  public static final String PROOFING_AUDIT = "proofing-audit.json";

  private final InterventionStore store;
  private final Clock clock;

  /** Exports from {@code store}, dating the manifest and the journal event with {@code clock}. */
  public CaExport(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Reads what the package holds and checks it against the record, before any card is touched.
   *
   * @throws ExportException if the intervention is unknown, not CLOSED, purged, or its sheet cannot
   *     be read or no longer matches the recorded SHA-256
   * @throws StoreException if the database cannot be read
   */
  public ExportContents prepare(String interventionId) throws ExportException, StoreException {
    InterventionSummary summary =
        store
            .find(interventionId)
            .orElseThrow(
                () ->
                    new ExportException(
                        "no intervention " + interventionId + " here: see `station list`"));
    InterventionState state = store.state(interventionId).orElseThrow();
    if (!state.status().equals("CLOSED")) {
      throw new ExportException(
          "intervention "
              + interventionId
              + " is "
              + state.status()
              + ", not CLOSED: only a closed meeting is sent to the certificate authority");
    }
    if (state.sheetPath() == null || state.csrPem() == null) {
      throw new ExportException(
          "intervention " + interventionId + " has no sheet or request on record (purged?)");
    }
    byte[] sheet = recordedSheet(state);
    byte[] request = state.csrPem().getBytes(StandardCharsets.US_ASCII);
    JournalHead head = JournalHead.of(store).orElseThrow();
    List<ExportedFile> files = new ArrayList<>();
    files.add(new ExportedFile(interventionId + "-sheet.pdf", sheet));
    files.add(new ExportedFile(interventionId + "-request.pem", request));
    // The card's own evidence that it generated the key, for the CA to check against the card
    // maker's root (PIV cards that attest their keys).
    if (state.keyAttestation() != null && !state.keyAttestation().isEmpty()) {
      files.add(
          new ExportedFile(
              interventionId + "-key-attestation.pem",
              state.keyAttestation().getBytes(StandardCharsets.US_ASCII)));
    }
    files.add(new ExportedFile(PROOFING_AUDIT, proofingAudit(interventionId)));
    // The certificate installed on the holder's card, once it came back: the package closes the
    // loop.
    Optional<String> certificate = acceptedCertificate(interventionId);
    if (certificate.isPresent()) {
      files.add(
          new ExportedFile(
              interventionId + "-certificate.pem",
              certificate.get().getBytes(StandardCharsets.US_ASCII)));
    }
    return new ExportContents(interventionId, summary.dossierId(), files, head);
  }

  /**
   * Writes the package into {@code folder}, signs its manifest with the officer's credential and
   * journals the export.
   *
   * @throws ExportException if the folder cannot be written or the signature cannot be built
   * @throws DeviceSigningException if the officer's token refuses or fails to sign
   * @throws StoreException if the export cannot be journaled
   */
  public ExportPackage export(ExportContents contents, OfficerCredential officer, Path folder)
      throws ExportException, DeviceSigningException, StoreException {
    PackageWriter.prepare(folder);
    contents = contents.with(new ExportedFile(CHECKPOINT, checkpoint(officer)));
    byte[] manifest = PackageManifest.of(contents, clock.instant());
    byte[] signature = ManifestSignature.sign(manifest, officer);
    Path zip = PackageWriter.write(folder, contents, manifest, signature);
    ExportPackage written = ExportPackage.of(zip, manifest);
    store.note(
        contents.interventionId(),
        EVENT,
        Map.of(
            "package", zip.getFileName().toString(),
            "packageSha256", written.sha256(),
            "manifestSha256", written.manifestSha256()),
        clock.instant());
    return written;
  }

  private byte[] checkpoint(OfficerCredential officer)
      throws StoreException, DeviceSigningException, ExportException {
    JournalCheckpoint checkpoint = new JournalCheckpoints(store).current(clock.instant());
    try {
      return checkpoint.file(
          DetachedSignatures.sign(
              checkpoint.content(), officer.key(), officer.chain(), Optional.empty()));
    } catch (SheetSigningException | TimestampException e) {
      throw new ExportException("cannot sign the journal checkpoint: " + e.getMessage(), e);
    }
  }

  // The certificate authority replays the audit from the package: what was met, by what, when.
  private byte[] proofingAudit(String interventionId) throws ExportException, StoreException {
    try {
      // the catalogue that judged this station's meetings: the authority's, else the station's own
      DocumentCatalogue catalogue = DocumentCatalogue.besideDatabase(store.file());
      return AuditJson.bytes(
          new ProofingAudit(store, catalogue).audit(interventionId, Locale.FRENCH));
    } catch (AuditException | CatalogueException e) {
      throw new ExportException(e.getMessage(), e);
    }
  }

  // Only a certificate the station installed, whose entries agree with it, and whose installation
  // the meeting's officer card sealed then: entries forged in the journal's tail, even under a
  // later seal made for something else, are not exported.
  private Optional<String> acceptedCertificate(String interventionId) throws StoreException {
    List<JournalEntry> entries = new MeetingJournal(store, interventionId).entries();
    CertificateProgress progress = CertificateProgress.of(entries);
    if (progress.stage() != CertificateProgress.Stage.INSTALLED || !progress.consistent()) {
      return Optional.empty();
    }
    long installed = progress.last().orElseThrow().sequence();
    for (long sealed : sealedAfterInstallation(entries, installed)) {
      if (store.sealedByMeetingOfficer(interventionId, sealed)) {
        return progress.certificatePem();
      }
    }
    return Optional.empty();
  }

  // The installation's seal is over its entry, or over the sheet's revision recorded right after.
  private static List<Long> sealedAfterInstallation(List<JournalEntry> entries, long installed) {
    List<Long> candidates = new ArrayList<>(List.of(installed));
    for (int i = 0; i + 1 < entries.size(); i++) {
      if (entries.get(i).sequence() == installed
          && entries.get(i + 1).event().equals(SheetRecords.CERTIFICATE_ADDED)) {
        candidates.add(entries.get(i + 1).sequence());
      }
    }
    return candidates;
  }

  private static byte[] recordedSheet(InterventionState state) throws ExportException {
    Path path = Path.of(state.sheetPath());
    byte[] sheet;
    try {
      sheet = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ExportException("cannot read the sheet " + path + ": " + e.getMessage(), e);
    }
    String found = Fingerprints.sha256Hex(sheet);
    if (!found.equals(state.sheetSha256())) {
      throw new ExportException(
          "the sheet "
              + path
              + " no longer matches its record (SHA-256 "
              + found
              + ", recorded "
              + state.sheetSha256()
              + "): not exported");
    }
    return sheet;
  }
}
