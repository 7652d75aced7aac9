package fr.aed.station.app.enrollment;

import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.InterventionSheet;
import fr.aed.station.app.sheet.SheetAttachment;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StepRecord;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.InvalidRequestException;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.TimestampException;
import fr.aed.station.crypto.profile.ProfileConformance;
import fr.aed.station.crypto.profile.RequestProfile;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** The state of one enrollment while its steps run, in the order of the meeting. */
final class EnrollmentRun {

  /** The holder's qualified signature key goes in the PIV digital signature slot (9C). */
  static final KeySlot HOLDER_KEY_SLOT = KeySlot.SIGNATURE;

  private final EnrollmentRequest request;
  private final String interventionId;
  private final InterventionStore store;
  private final Clock clock;
  private final List<StepTiming> timings = new ArrayList<>();

  private TokenDescription tokenDescription;
  private PublicKey publicKey;
  private String keyEvidence;
  private PKCS10CertificationRequest certificateRequest;
  private Path csrPath;
  private Path sheetPath;
  private boolean sheetSigned;

  EnrollmentRun(
      EnrollmentRequest request, String interventionId, InterventionStore store, Clock clock) {
    this.request = request;
    this.interventionId = interventionId;
    this.store = store;
    this.clock = clock;
  }

  String interventionId() {
    return interventionId;
  }

  void recordResumed(Step from) throws StoreException {
    long started = System.nanoTime();
    store.note(interventionId, "RESUMED", Map.of("fromStep", from.name()), clock.instant());
    done(Step.DOSSIER_OPENED, started, "Rendez-vous " + interventionId + " repris après " + from);
  }

  void recordOpened(long startedNanos) {
    done(Step.DOSSIER_OPENED, startedNanos, "Dossier " + enrollment().dossier().id() + " ouvert");
  }

  void recordChecks(List<String> refusals) throws StoreException, MeetingRefusedException {
    long started = System.nanoTime();
    if (!refusals.isEmpty()) {
      store.record(
          interventionId,
          new StepRecord(
              Step.REFUSED,
              Map.of("reasons", String.join(" ", refusals)),
              Map.of(InterventionField.OUTCOME_REASON, String.join(" ", refusals))),
          clock.instant());
      throw new MeetingRefusedException(interventionId, refusals);
    }
    MeetingRecord meeting = enrollment().meeting();
    record(
        Step.CHECKS_RECORDED,
        Map.of(
            "identityDocumentType", meeting.identityDocument().type().name(),
            "identityDocumentExpiry", meeting.identityDocument().expiryDate().toString(),
            "originalSeen", Boolean.toString(meeting.originalSeen()),
            "photoMatches", Boolean.toString(meeting.photoMatches()),
            "kbisDate", meeting.kbisDate().toString(),
            "fee", meeting.fee().name()),
        Map.of());
    done(Step.CHECKS_RECORDED, started, "Contrôles d'identité et d'entreprise enregistrés");
  }

  /** The steps on the holder's token: identify it, PIN, key pair, signed request. */
  void onToken()
      throws TokenException,
          PinUnavailableException,
          StoreException,
          IOException,
          EnrollmentException {
    try (Token token = request.token().connect()) {
      identify(token);
      verifyPin(token);
      generateKeyPair(token);
      buildRequest(token);
    }
  }

  /** The steps after the token: the sheet, then the record closed. */
  /**
   * The steps after the token: the sheet with the request and the manifest inside, the officer's
   * signature, the record closed and the journal sealed. Without an officer's credential the
   * meeting stays open once the sheet is produced, to be resumed with one.
   */
  void finish(SheetRenderer sheetRenderer, SheetSigning signing, InterventionState resumed)
      throws IOException, StoreException, EnrollmentException {
    OfficerCredential officer = signing.officer();
    if (resumed != null && resumed.reached(Step.SHEET_PRODUCED)) {
      sheetPath = Path.of(resumed.sheetPath());
    } else {
      produceSheet(sheetRenderer);
    }
    if (resumed != null && resumed.reached(Step.SHEET_SIGNED)) {
      sheetSigned = true;
    } else if (officer == null) {
      store.note(interventionId, "AWAITING_OFFICER_SIGNATURE", Map.of(), clock.instant());
      return;
    } else {
      signSheet(signing);
    }
    close();
    if (officer != null) {
      seal(officer);
    }
  }

  private void signSheet(SheetSigning signing)
      throws IOException, StoreException, EnrollmentException {
    long started = System.nanoTime();
    OfficerCredential officer = signing.officer();
    byte[] signed;
    try {
      signed = SheetSignature.sign(sheetPath, officer, signing.timestamps(), enrollment(), clock);
    } catch (DeviceSigningException | SheetSigningException | TimestampException e) {
      throw interrupted("the sheet is not signed: " + e.getMessage(), e);
    }
    sheetSigned = true;
    String signedSha256 = Fingerprints.sha256Hex(signed);
    String signer = officer.certificate().getSubjectX500Principal().getName();
    record(
        Step.SHEET_SIGNED,
        Map.of(
            "sheetSha256",
            signedSha256,
            "signer",
            signer,
            "format",
            signing.timestamps().isPresent() ? "PAdES-BASELINE-T" : "PAdES-BASELINE-B"),
        Map.of(InterventionField.SHEET_SHA256, signedSha256));
    done(
        Step.SHEET_SIGNED,
        started,
        "Fiche signée (PAdES) par " + enrollment().meeting().officer().name());
  }

  private void seal(OfficerCredential officer) throws StoreException, EnrollmentException {
    try {
      store.sealJournal(interventionId, officer.key(), officer.certificate(), clock.instant());
    } catch (DeviceSigningException e) {
      throw interrupted("the journal is not sealed: " + e.getMessage(), e);
    }
  }

  /**
   * Takes back what a resumed meeting's finished token steps produced: the token's identity and the
   * request, from the record.
   */
  void restoreTokenSteps(InterventionState state, Path storedCsr) throws IOException {
    tokenDescription =
        new TokenDescription(state.tokenBackend(), state.tokenModel(), state.tokenSerial(), "");
    keyEvidence = state.keyEvidence();
    try (PEMParser parser = new PEMParser(new StringReader(state.csrPem()))) {
      certificateRequest = (PKCS10CertificationRequest) parser.readObject();
    }
    try {
      publicKey = new JcaPKCS10CertificationRequest(certificateRequest).getPublicKey();
    } catch (GeneralSecurityException e) {
      throw new IOException("the recorded request's key cannot be read", e);
    }
    csrPath = storedCsr;
  }

  /** Writes the recorded request again where the resumed meeting puts its files. */
  Path rewriteRequest(InterventionState state) throws IOException {
    return OutputFiles.write(
        request.outputDirectory(),
        interventionId + "-request.pem",
        state.csrPem().getBytes(StandardCharsets.US_ASCII));
  }

  private void identify(Token token) throws TokenException, StoreException {
    long started = System.nanoTime();
    tokenDescription = token.describe();
    record(
        Step.TOKEN_IDENTIFIED,
        Map.of(
            "backend", tokenDescription.backend(),
            "model", tokenDescription.model(),
            "serial", tokenDescription.serial(),
            "reader", tokenDescription.reader()),
        Map.of(
            InterventionField.TOKEN_BACKEND, tokenDescription.backend(),
            InterventionField.TOKEN_MODEL, tokenDescription.model(),
            InterventionField.TOKEN_SERIAL, tokenDescription.serial()));
    done(
        Step.TOKEN_IDENTIFIED,
        started,
        "Support identifié : " + tokenDescription.model() + " n° " + tokenDescription.serial());
  }

  private void verifyPin(Token token)
      throws TokenException, PinUnavailableException, StoreException {
    char[] pin = request.pin().read();
    long started = System.nanoTime();
    try {
      token.verifyPin(pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    record(Step.PIN_VERIFIED, Map.of(), Map.of());
    done(Step.PIN_VERIFIED, started, "Code PIN vérifié par le support");
  }

  private void generateKeyPair(Token token) throws TokenException, StoreException {
    long started = System.nanoTime();
    publicKey = token.generateKeyPair(HOLDER_KEY_SLOT, request.keyType());
    keyEvidence =
        "Paire générée sur le support par la commande GENERATE ASYMMETRIC KEY PAIR pendant le"
            + " rendez-vous";
    String publicKeySha256 = Fingerprints.sha256Hex(publicKey.getEncoded());
    record(
        Step.KEY_GENERATED,
        Map.of(
            "algorithm", request.keyType().id(),
            "slot", HOLDER_KEY_SLOT.name(),
            "publicKeySha256", publicKeySha256),
        Map.of(
            InterventionField.KEY_ALGORITHM, request.keyType().id(),
            InterventionField.KEY_EVIDENCE, keyEvidence,
            InterventionField.PUBLIC_KEY_SHA256, publicKeySha256));
    done(
        Step.KEY_GENERATED,
        started,
        "Bi-clé " + request.keyType().id() + " générée sur le support");
  }

  private void buildRequest(Token token)
      throws TokenException, StoreException, IOException, EnrollmentException {
    long started = System.nanoTime();
    certificateRequest = signedRequest(token);
    byte[] der = certificateRequest.getEncoded();
    String pem = CertificateRequestFactory.toPem(certificateRequest);
    csrPath =
        OutputFiles.write(
            request.outputDirectory(),
            interventionId + "-request.pem",
            pem.getBytes(StandardCharsets.US_ASCII));
    String csrSha256 = Fingerprints.sha256Hex(der);
    record(
        Step.REQUEST_BUILT,
        Map.of("csrSha256", csrSha256, "signatureAlgorithm", signatureAlgorithm()),
        Map.of(InterventionField.CSR_SHA256, csrSha256, InterventionField.CSR_PEM, pem));
    done(Step.REQUEST_BUILT, started, "Demande PKCS#10 SHA-256 signée par le support et vérifiée");
  }

  private PKCS10CertificationRequest signedRequest(Token token)
      throws TokenException, EnrollmentException {
    TokenDeviceKey key = new TokenDeviceKey(token, HOLDER_KEY_SLOT, publicKey);
    try {
      PKCS10CertificationRequest built =
          new CertificateRequestFactory().build(RequestSubjects.of(enrollment().dossier()), key);
      List<String> problems =
          new ProfileConformance(RequestProfile.load(RequestProfile.PACK_ID_RGS2))
              .problems(built, publicKey);
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
      return built;
    } catch (DeviceSigningException e) {
      if (e.getCause() instanceof TokenException tokenFailure) {
        throw tokenFailure;
      }
      throw new TokenException(e.getMessage(), e);
    } catch (InvalidRequestException e) {
      throw interrupted("request: " + e.getMessage(), e);
    }
  }

  private void produceSheet(SheetRenderer sheetRenderer) throws IOException, StoreException {
    long started = System.nanoTime();
    InterventionSheet sheet =
        new InterventionSheet(
            "FICHE-" + interventionId,
            enrollment(),
            deviceRecord(),
            certificateRequest.getSubject().toString(),
            ZonedDateTime.now(clock));
    byte[] pdf = sheetRenderer.render(sheet, attachments(sheet));
    sheetPath = OutputFiles.write(request.outputDirectory(), interventionId + "-sheet.pdf", pdf);
    String sheetSha256 = Fingerprints.sha256Hex(pdf);
    record(
        Step.SHEET_PRODUCED,
        Map.of("sheetSha256", sheetSha256, "sheetId", sheet.sheetId()),
        Map.of(
            InterventionField.SHEET_PATH,
            sheetPath.toAbsolutePath().toString(),
            InterventionField.SHEET_SHA256,
            sheetSha256));
    done(
        Step.SHEET_PRODUCED, started, "Fiche d'intervention produite : " + sheetPath.getFileName());
  }

  private List<SheetAttachment> attachments(InterventionSheet sheet) throws IOException {
    return List.of(
        new SheetAttachment(
            interventionId + "-request.pem",
            "application/pkcs10",
            "Demande de certificat PKCS#10",
            CertificateRequestFactory.toPem(certificateRequest)
                .getBytes(StandardCharsets.US_ASCII)),
        new SheetAttachment(
            EvidenceManifest.FILE_NAME,
            "application/json",
            "Manifeste des preuves du rendez-vous",
            EvidenceManifest.of(interventionId, sheet.sheetId(), enrollment(), sheet.device())));
  }

  private void close() throws StoreException {
    long started = System.nanoTime();
    record(Step.CLOSED, Map.of(), Map.of());
    done(Step.CLOSED, started, "Intervention " + interventionId + " enregistrée");
  }

  EnrollmentOutcome outcome() throws IOException {
    return new EnrollmentOutcome(
        interventionId,
        enrollment().dossier().id(),
        request.keyType().id(),
        tokenDescription.serial(),
        Fingerprints.sha256Hex(publicKey.getEncoded()),
        Fingerprints.sha256Hex(certificateRequest.getEncoded()),
        csrPath,
        sheetPath,
        sheetSigned,
        store.file(),
        List.copyOf(timings));
  }

  /** Records the interruption and gives the exception to throw. */
  EnrollmentException interrupted(String reason, Exception cause) {
    try {
      store.recordInterruption(interventionId, reason, clock.instant());
    } catch (StoreException e) {
      cause.addSuppressed(e);
    }
    return new EnrollmentException(
        "enrollment " + interventionId + " interrupted, " + reason, interventionId, cause);
  }

  private DeviceRecord deviceRecord() throws IOException {
    return new DeviceRecord(
        tokenDescription.backend(),
        tokenDescription.model(),
        tokenDescription.serial(),
        request.keyType().id(),
        keyEvidence,
        Fingerprints.sha256Hex(publicKey.getEncoded()),
        Fingerprints.sha256Hex(certificateRequest.getEncoded()));
  }

  private String signatureAlgorithm() {
    return request.keyType().isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
  }

  private void record(Step step, Map<String, String> detail, Map<InterventionField, String> fields)
      throws StoreException {
    store.record(interventionId, new StepRecord(step, detail, fields), clock.instant());
  }

  private void done(Step step, long startedNanos, String summary) {
    Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
    timings.add(new StepTiming(step, duration.toNanos() / 1e6, summary));
    request.listener().stepDone(step, duration, summary);
  }

  private Enrollment enrollment() {
    return request.enrollment();
  }
}
