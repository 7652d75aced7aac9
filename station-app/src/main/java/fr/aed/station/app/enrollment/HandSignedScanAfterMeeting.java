package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.HandSignedScanRevision;
import fr.aed.station.app.sheet.HolderSignatureScan;
import fr.aed.station.app.sheet.OfficerSignatureAppearance;
import fr.aed.station.app.sheet.ScanFile;
import fr.aed.station.app.sheet.ScanRefusedException;
import fr.aed.station.app.sheet.SheetAttachment;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.SheetRecords;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.SignatureDetails;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The printed sheet the holder signed by hand, scanned after the meeting closed: added to the
 * signed sheet as a new revision signed again by the officer (the first signature untouched),
 * journaled, the record's sheet digest updated, and the journal sealed again. Only for a meeting
 * whose holder did not sign on screen, once.
 */
public final class HandSignedScanAfterMeeting {

  private final InterventionStore store;
  private final Clock clock;

  public HandSignedScanAfterMeeting(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Adds the scan and has the officer sign the new revision. Every check, and the officer's
   * signature, is made before the sheet is written or anything recorded.
   *
   * @return the sheet, rewritten with the scan and the second signature
   * @throws EnrollmentException if there is no such closed meeting, the sheet on disk is not the
   *     recorded one, it holds the holder's signature already (drawn on screen, or a scan), the
   *     scan is refused, or the officer's card cannot sign
   */
  public Path attach(
      String interventionId,
      Path scan,
      OfficerCredential officer,
      Optional<TimestampAuthority> timestamps)
      throws EnrollmentException {
    Objects.requireNonNull(officer, "officer");
    try {
      InterventionState state = closedMeeting(interventionId);
      Path sheet = Path.of(state.sheetPath());
      byte[] recorded = RecordedSheet.read(state);
      byte[] scanned = ScanFile.read(scan);
      SheetAttachment attachment =
          HolderSignatureScan.prepare(scan.getFileName().toString(), scanned);
      ZonedDateTime now = ZonedDateTime.now(clock);
      HandSignedScanRevision.Revision revision =
          HandSignedScanRevision.append(recorded, attachment, now);
      Enrollment enrollment =
          EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson());
      byte[] signed = sign(revision, officer, timestamps, enrollment, now);
      OutputFiles.write(sheet.getParent(), sheet.getFileName().toString(), signed);
      record(interventionId, scanned, attachment, signed, officer, timestamps.isPresent());
      return sheet;
    } catch (ScanRefusedException | IOException | IllegalArgumentException e) {
      throw refused(interventionId, "cannot add the scan: " + e.getMessage());
    } catch (DeviceSigningException | SheetSigningException | TimestampException e) {
      throw new EnrollmentException(
          "the scan is not added, the officer's card did not sign: " + e.getMessage(),
          interventionId,
          e);
    } catch (StoreException | DossierFileException e) {
      throw new EnrollmentException(e.getMessage(), interventionId, e);
    }
  }

  private InterventionState closedMeeting(String interventionId)
      throws StoreException, EnrollmentException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(() -> refused(interventionId, "no intervention " + interventionId));
    if (state.step() != Step.CLOSED) {
      throw refused(
          interventionId,
          "intervention "
              + interventionId
              + " is "
              + state.status()
              + " at "
              + state.step()
              + ": a scan joins the signed sheet of a closed meeting (before the officer signs,"
              + " it is attached to the open meeting's sheet)");
    }
    return state;
  }

  private static byte[] sign(
      HandSignedScanRevision.Revision revision,
      OfficerCredential officer,
      Optional<TimestampAuthority> timestamps,
      Enrollment enrollment,
      ZonedDateTime now)
      throws DeviceSigningException, SheetSigningException, TimestampException {
    String name = enrollment.meeting().officer().name();
    return new PadesSigner()
        .sign(
            revision.pdf(),
            officer.key(),
            officer.chain(),
            new SignatureDetails(
                name,
                "Fiche signée à la main par le titulaire, jointe après le rendez-vous, dossier "
                    + enrollment.dossier().id(),
                enrollment.meeting().place(),
                now),
            timestamps,
            Optional.of(OfficerSignatureAppearance.in(revision.officerArea(), name, now)));
  }

  // The scan's file name stays out of the journal, as for a scan attached before signing.
  private void record(
      String interventionId,
      byte[] scan,
      SheetAttachment attachment,
      byte[] sheet,
      OfficerCredential officer,
      boolean timestamped)
      throws StoreException, EnrollmentException {
    String sheetSha256 = Fingerprints.sha256Hex(sheet);
    store.recordSheetRevision(
        interventionId,
        SheetRecords.HOLDER_SCAN_SIGNED,
        Map.of(
            "scanSha256",
            Fingerprints.sha256Hex(scan),
            "attachedSha256",
            Fingerprints.sha256Hex(attachment.content()),
            "sheetSha256",
            sheetSha256,
            "signer",
            officer.certificate().getSubjectX500Principal().getName(),
            "format",
            timestamped ? "PAdES-BASELINE-T" : "PAdES-BASELINE-B"),
        sheetSha256,
        clock.instant());
    try {
      store.sealJournal(interventionId, officer.key(), officer.certificate(), clock.instant());
    } catch (DeviceSigningException e) {
      throw new EnrollmentException(
          "the scan is added and journaled, but the journal is not sealed: " + e.getMessage(),
          interventionId,
          e);
    }
  }

  private static EnrollmentException refused(String interventionId, String message) {
    return new EnrollmentException(message, interventionId, null);
  }
}
