package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.enrollment.HolderSignatureAttachment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;

/**
 * Runs an enrollment or a resumption with the station's service, opening the database for the run.
 * The wizard runs a meeting up to its sheet, has the holder sign it on screen, attaches that
 * signature, then resumes the meeting with the officer's credential. In the testers' mode that
 * credential is a demonstration officer card; otherwise the sheet is left for the officer to sign
 * and the meeting stays open.
 */
final class MeetingRunner {

  private final StationContext context;

  MeetingRunner(StationContext context) {
    this.context = context;
  }

  /** Runs a new meeting up to its sheet, which waits for the holder's and the officer's hands. */
  EnrollmentOutcome enrollUntilSheet(EnrollmentRequest request)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      return service(store, null).enroll(request);
    }
  }

  /** Resumes an open meeting up to its sheet, unsigned. */
  EnrollmentOutcome resumeUntilSheet(String interventionId, EnrollmentRequest request)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      return service(store, null).resume(interventionId, request);
    }
  }

  /**
   * Attaches the holder's signature (an image) to the produced sheet the officer has not signed.
   */
  Path attachHolderSignature(String interventionId, Path signature)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      return new HolderSignatureAttachment(store, context.clock())
          .attach(interventionId, signature);
    }
  }

  /** Resumes an open meeting from its last recorded step, the officer signing its sheet. */
  EnrollmentOutcome resume(String interventionId, EnrollmentRequest request)
      throws EnrollmentException, StoreException, TokenException, DossierFileException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      InterventionState state =
          store
              .state(interventionId)
              .orElseThrow(
                  () ->
                      new EnrollmentException(
                          Texts.get("run.unknown-intervention"), interventionId, null));
      Officer recorded =
          EnrollmentFile.parse(interventionId, state.enrollmentJson()).meeting().officer();
      try (OfficerCredential officer = officerCard(recorded)) {
        return service(store, officer).resume(interventionId, request);
      }
    }
  }

  private EnrollmentService service(InterventionStore store, OfficerCredential officer) {
    return new EnrollmentService(store, context.sheetRenderer(), context.clock(), officer);
  }

  private OfficerCredential officerCard(Officer officer) throws TokenException {
    return context.testersMode()
        ? DemoOfficerCard.open(context.databaseFile().resolveSibling("demo-officer"), officer)
        : null;
  }
}
