package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentListener;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.MeetingDesk;
import fr.aed.station.app.export.CaExport;
import fr.aed.station.app.export.ExportContents;
import fr.aed.station.app.export.ExportException;
import fr.aed.station.app.export.ExportPackage;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs an enrollment or a resumption with the station's service, opening the database for the run.
 * The wizard runs a meeting up to its sheet, has the holder sign it on screen, attaches that
 * signature, then resumes the meeting with the officer's credential. In the testers' mode that
 * credential is a demonstration officer card; otherwise the sheet is left for the officer to sign
 * and the meeting stays open. The package for the certificate authority is signed by that card too.
 */
final class MeetingRunner {

  private final StationContext context;
  private final MeetingDesk desk;

  MeetingRunner(StationContext context) {
    this.context = context;
    this.desk =
        new MeetingDesk(
            context.databaseFile(), context.sheetRenderer(), context.clock(), Optional.empty());
  }

  /** Runs a new meeting up to its sheet, which waits for the holder's and the officer's hands. */
  EnrollmentOutcome enrollUntilSheet(EnrollmentRequest request)
      throws EnrollmentException, StoreException, TokenException {
    try (RunOfficer officer = officerCard(request.enrollment().meeting().officer())) {
      return desk.produceSheet(request, officer.credential());
    }
  }

  /** Resumes an open meeting up to its sheet, unsigned. */
  EnrollmentOutcome resumeUntilSheet(String interventionId, EnrollmentRequest request)
      throws EnrollmentException, StoreException, TokenException, DossierFileException {
    try (RunOfficer officer = officerCard(recordedOfficer(interventionId))) {
      return desk.produceSheet(interventionId, request, officer.credential());
    }
  }

  /**
   * The open meeting {@code interventionId} as recorded, for the wizard to take it up.
   *
   * @throws EnrollmentException if there is no such meeting or it has ended
   */
  RecordedMeeting recorded(String interventionId)
      throws StoreException, EnrollmentException, DossierFileException {
    try (InterventionStore store = InterventionStore.openForReading(context.databaseFile())) {
      InterventionState state = resumable(store, interventionId);
      Path sheet = state.sheetPath() == null ? null : Path.of(state.sheetPath());
      return new RecordedMeeting(
          interventionId,
          EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson()),
          state.step(),
          state.pinChosen(),
          state.tokenSerial() == null ? "" : state.tokenSerial(),
          state.tokenModel() == null ? "" : state.tokenModel(),
          Optional.ofNullable(state.keyAlgorithm()).map(KeyType::fromId),
          Optional.ofNullable(sheet).filter(Files::isRegularFile));
    }
  }

  private static InterventionState resumable(InterventionStore store, String interventionId)
      throws StoreException, EnrollmentException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(
                () ->
                    new EnrollmentException(
                        Texts.get("run.unknown-intervention"), interventionId, null));
    if (state.ended()) {
      throw new EnrollmentException(
          Texts.get("run.nothing-to-resume", interventionId), interventionId, null);
    }
    return state;
  }

  /**
   * Attaches the holder's signature (an image) to the produced sheet the officer has not signed.
   */
  Path attachHolderSignature(String interventionId, Path signature)
      throws EnrollmentException, StoreException {
    return desk.attachHolderSignature(interventionId, signature);
  }

  /** The officer's card signs the produced sheet; the meeting closes and is sealed. */
  EnrollmentOutcome close(
      String interventionId, KeyType keyType, Path outputDirectory, EnrollmentListener listener)
      throws EnrollmentException, StoreException, TokenException, DossierFileException {
    try (RunOfficer officer = officerCard(recordedOfficer(interventionId))) {
      return desk.close(interventionId, keyType, outputDirectory, listener, officer.credential());
    }
  }

  /**
   * Writes the package for the certificate authority of a closed meeting into {@code folder}, its
   * manifest signed by the same officer's card as the meeting's runs; the export is journaled.
   */
  ExportPackage export(String interventionId, Path folder)
      throws ExportException,
          DeviceSigningException,
          StoreException,
          TokenException,
          EnrollmentException,
          DossierFileException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      CaExport export = new CaExport(store, context.clock());
      // The record is checked before any card is touched.
      ExportContents contents = export.prepare(interventionId);
      try (RunOfficer officer = officerCard(recordedOfficer(store, interventionId))) {
        if (officer.credential() == null) {
          throw new ExportException(Texts.get("export.no-officer-card"));
        }
        return export.export(contents, officer.credential(), folder);
      }
    }
  }

  private Officer recordedOfficer(String interventionId)
      throws StoreException, EnrollmentException, DossierFileException {
    try (InterventionStore store = InterventionStore.openForReading(context.databaseFile())) {
      return recordedOfficer(store, interventionId);
    }
  }

  /**
   * Adds the holder's hand-signed scan to a closed meeting's signed sheet, as a new revision that
   * the session's officer card (in the testers' mode, the demonstration card) signs again.
   */
  Path attachScanAfterMeeting(String interventionId, Path scan)
      throws EnrollmentException, StoreException, TokenException, DossierFileException {
    try (RunOfficer officer = officerCard(recordedOfficer(interventionId))) {
      if (officer.credential() == null) {
        throw new EnrollmentException(Texts.get("scan.no-officer-card"), interventionId, null);
      }
      return desk.attachHandSignedScan(interventionId, scan, officer.credential());
    }
  }

  /** The officer the meeting recorded. */
  static Officer recordedOfficer(InterventionStore store, String interventionId)
      throws StoreException, EnrollmentException, DossierFileException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(
                () ->
                    new EnrollmentException(
                        Texts.get("run.unknown-intervention"), interventionId, null));
    return EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson())
        .meeting()
        .officer();
  }

  private RunOfficer officerCard(Officer officer) throws TokenException {
    return RunOfficer.of(context, officer);
  }
}
