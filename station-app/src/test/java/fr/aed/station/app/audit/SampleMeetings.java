package fr.aed.station.app.audit;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.enrollment.FeatureDraws;
import fr.aed.station.app.enrollment.MeetingRefusedException;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings enrolled for real, to be audited: the sample dossier on a simulated holder card, the
 * demonstration officer card signing and sealing, a real SQLite file.
 */
public final class SampleMeetings {

  private SampleMeetings() {}

  /**
   * The sample meeting enrolled and closed in {@code store}, its features drawn by the station as
   * {@code station proofing draw} journals them; its intervention.
   */
  public static String closed(InterventionStore store, Path dir) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    DocumentExamination examination = sample.meeting().proofing().examination();
    store.note(
        InterventionStore.STATION,
        FeatureDraws.DRAWN,
        Map.of(
            "catalogueVersion", examination.catalogueVersion(),
            "document", examination.document(),
            "drawn", String.join(" ", examination.drawn())),
        Instant.now());
    return closedWithoutItsDraw(store, dir);
  }

  /** The sample meeting closed with the features its file lists, no draw journaled. */
  public static String closedWithoutItsDraw(InterventionStore store, Path dir) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    try (OfficerCredential officer = DemoOfficerCard.issue(sample.meeting().officer())) {
      return service(store, officer).enroll(request(sample, dir)).interventionId();
    }
  }

  /** The sample meeting with the officer trained two years ago: refused; its intervention. */
  public static String refusedForTraining(InterventionStore store, Path dir) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    Officer trained = sample.meeting().officer();
    Officer expired =
        new Officer(
            trained.name(),
            trained.office(),
            trained.address(),
            trained.aedIdentifier(),
            trained.trainedOn().minusYears(2),
            trained.accreditation());
    Enrollment refused = new Enrollment(sample.dossier(), sample.meeting().withOfficer(expired));
    try (OfficerCredential officer = DemoOfficerCard.issue(trained)) {
      service(store, officer).enroll(request(refused, dir));
      throw new AssertionError("the meeting was not refused");
    } catch (MeetingRefusedException e) {
      return e.interventionId();
    }
  }

  /**
   * The sample meeting with a drawn feature found not conforming; its intervention, whether the
   * rules refused it or let it close (the audit must find the requirement not met either way).
   */
  public static String featureNotConforming(InterventionStore store, Path dir) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    Proofing proofing = sample.meeting().proofing();
    DocumentExamination e = proofing.examination();
    List<FeatureCheck> checks = new ArrayList<>(e.checks());
    checks.set(
        1,
        new FeatureCheck(
            checks.get(1).feature(), FeatureVerdict.DOES_NOT_CONFORM, checks.get(1).tool()));
    Proofing altered =
        new Proofing(
            new DocumentExamination(
                e.catalogueVersion(),
                e.document(),
                e.drawn(),
                checks,
                e.referenceConsulted(),
                e.examinedAt()),
            proofing.portrait(),
            proofing.names(),
            proofing.authority(),
            proofing.consent());
    Enrollment enrollment =
        new Enrollment(sample.dossier(), sample.meeting().withProofing(altered));
    try (OfficerCredential officer = DemoOfficerCard.issue(sample.meeting().officer())) {
      return service(store, officer).enroll(request(enrollment, dir)).interventionId();
    } catch (MeetingRefusedException refused) {
      return refused.interventionId();
    }
  }

  private static EnrollmentService service(InterventionStore store, OfficerCredential officer) {
    return new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone(), officer);
  }

  private static EnrollmentRequest request(Enrollment enrollment, Path dir) {
    return new EnrollmentRequest(
        enrollment,
        TokenConnectors.savedSimulatedCard(
            dir.resolve("cards").resolve(UUID.randomUUID() + ".card")),
        "123456"::toCharArray,
        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
        KeyType.P256,
        dir.resolve("out"),
        (step, duration, summary) -> {});
  }
}
