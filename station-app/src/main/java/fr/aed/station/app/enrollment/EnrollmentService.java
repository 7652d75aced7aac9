package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRules;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.profile.KeySpecification;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.crypto.profile.RequestLint;
import fr.aed.station.crypto.profile.RequestProfile;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the face-to-face enrollment, step by step: dossier, checks, token, PIN, key pair on the
 * token, certificate request, intervention sheet. Each step is recorded with its journal event
 * before the next begins; a failure leaves what was recorded intact and says what happened.
 */
public final class EnrollmentService {

  private final InterventionStore store;
  private final SheetRenderer sheetRenderer;
  private final Clock clock;
  private final MeetingRules rules = new MeetingRules();

  public EnrollmentService(InterventionStore store, SheetRenderer sheetRenderer, Clock clock) {
    this.store = store;
    this.sheetRenderer = sheetRenderer;
    this.clock = clock;
  }

  /**
   * Runs one enrollment to its end.
   *
   * @throws MeetingRefusedException if the rules refuse the meeting (recorded, no key generated)
   * @throws EnrollmentException if the output folder, the database, the token or the sheet fails;
   *     the message says what happened and the steps recorded before stay recorded
   */
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentException {
    prepareOutput(request);
    long started = System.nanoTime();
    String interventionId = begin(request.enrollment());
    EnrollmentRun run = new EnrollmentRun(request, interventionId, store, clock);
    try {
      run.recordOpened(started);
      run.recordChecks(refusals(request));
      run.onToken(sheetRenderer);
      return run.outcome();
    } catch (TokenException | PinUnavailableException e) {
      throw run.interrupted("token: " + e.getMessage(), e);
    } catch (IOException e) {
      throw run.interrupted("output: " + e.getMessage(), e);
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), interventionId, e);
    }
  }

  /** The meeting's rules and the request lint, together: every reason to refuse at once. */
  private List<String> refusals(EnrollmentRequest request) {
    List<String> refusals = new ArrayList<>(rules.refusals(request.enrollment()));
    RequestProfile profile = RequestProfile.load(RequestProfile.PACK_ID_RGS2);
    KeyType keyType = request.keyType();
    KeySpecification key =
        keyType.isRsa()
            ? KeySpecification.rsa(keyType.bits())
            : KeySpecification.ec("P-" + keyType.bits(), keyType.bits());
    new RequestLint(profile)
            .beforeGeneration(
                RequestSubjects.of(request.enrollment().dossier()),
                request.enrollment().dossier().company().siret(),
                key,
                keyType.isRsa() ? "SHA256withRSA" : "SHA256withECDSA")
            .stream()
            .filter(LintFinding::isError)
            // the meeting's rules already report an invalid SIRET, in the officer's words
            .filter(finding -> !finding.code().equals("INVALID_SIRET"))
            .map(finding -> "Demande de certificat : " + finding.message() + ".")
            .forEach(refusals::add);
    return refusals;
  }

  private static void prepareOutput(EnrollmentRequest request) throws EnrollmentException {
    try {
      OutputFiles.prepare(request.outputDirectory());
    } catch (IOException e) {
      throw new EnrollmentException(
          e.getMessage() + ": choose a writable folder with --out", null, e);
    }
  }

  private String begin(Enrollment enrollment) throws EnrollmentException {
    try {
      return store.begin(enrollment, EnrollmentFile.toJson(enrollment), clock.instant());
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }
}
