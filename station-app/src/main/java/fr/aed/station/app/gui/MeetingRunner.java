package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.TokenException;

/**
 * Runs an enrollment or a resumption with the station's service, opening the database for the run.
 * In the testers' mode the sheet is signed by a demonstration officer card; otherwise it is left
 * for the officer to sign and the meeting stays open.
 */
final class MeetingRunner {

  private final StationContext context;

  MeetingRunner(StationContext context) {
    this.context = context;
  }

  /** Runs a new meeting. */
  EnrollmentOutcome enroll(EnrollmentRequest request)
      throws EnrollmentException, StoreException, TokenException {
    try (InterventionStore store = InterventionStore.open(context.databaseFile());
        OfficerCredential officer = officerCard(request.enrollment().meeting().officer())) {
      return service(store, officer).enroll(request);
    }
  }

  /** Resumes an open meeting from its last recorded step. */
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
    return context.testersMode() ? DemoOfficerCard.issue(officer) : null;
  }
}
