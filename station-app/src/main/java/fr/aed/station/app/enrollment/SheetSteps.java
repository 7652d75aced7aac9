package fr.aed.station.app.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.audit.ChecksDetail;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.InterventionSheet;
import fr.aed.station.app.sheet.SheetAttachment;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps after the token: the sheet with the request and the manifest inside, the officer's
 * signature, the record closed and the journal sealed.
 */
final class SheetSteps {

  private final EnrollmentRequest request;
  private final StepLog log;
  private final TokenResult token;
  private Path sheetPath;
  private boolean signed;

  // The catalogue that judged the meeting's document examination, named on the sheet.
  private final DocumentCatalogue catalogue;

  SheetSteps(
      EnrollmentRequest request, StepLog log, TokenResult token, DocumentCatalogue catalogue) {
    this.request = request;
    this.log = log;
    this.token = token;
    this.catalogue = catalogue;
  }

  Path sheetPath() {
    return sheetPath;
  }

  boolean signed() {
    return signed;
  }

  /**
   * Runs the steps not done yet. Without an officer's credential the meeting stays open once the
   * sheet is produced, to be resumed with one.
   *
   * @param resumed the recorded state of a resumed meeting, or null for a new one
   */
  void run(SheetRenderer renderer, SheetSigning signing, InterventionState resumed)
      throws IOException, StoreException, EnrollmentException {
    if (resumed != null && resumed.reached(Step.SHEET_PRODUCED)) {
      sheetPath = Path.of(resumed.sheetPath());
    } else {
      produce(renderer);
    }
    if (resumed != null && resumed.reached(Step.SHEET_SIGNED)) {
      signed = true;
    } else if (signing.officer() == null) {
      log.note("AWAITING_OFFICER_SIGNATURE", Map.of());
      return;
    } else {
      sign(signing);
    }
    close();
    if (signing.officer() != null) {
      seal(signing.officer());
    }
  }

  // Where the examined features were drawn, as the meeting's checks entry recorded it.
  private Map<String, String> drawProvenance() throws StoreException {
    Map<String, String> provenance = new TreeMap<>();
    for (JournalEntry entry : new MeetingJournal(log.store(), log.interventionId()).entries()) {
      if (entry.event().equals(Step.CHECKS_RECORDED.name())) {
        try {
          JsonNode detail = EnrollmentFile.mapper().readTree(entry.detail());
          for (String key : List.of(ChecksDetail.DRAWN_BY, ChecksDetail.DRAW_ENTRIES)) {
            if (detail.has(key)) {
              provenance.put(key, detail.path(key).asText());
            }
          }
        } catch (JsonProcessingException e) {
          // a detail the journal wrote always reads; none says nothing of the draw
        }
      }
    }
    return provenance;
  }

  private void produce(SheetRenderer renderer) throws IOException, StoreException {
    long started = System.nanoTime();
    InterventionSheet sheet =
        new InterventionSheet(
            "FICHE-" + log.interventionId(),
            enrollment(),
            token.deviceRecord(request.keyType()),
            token.request().getSubject().toString(),
            ZonedDateTime.now(log.clock()),
            catalogue,
            drawProvenance());
    byte[] pdf = renderer.render(sheet, attachments(sheet));
    sheetPath =
        OutputFiles.write(request.outputDirectory(), log.interventionId() + "-sheet.pdf", pdf);
    String sheetSha256 = Fingerprints.sha256Hex(pdf);
    log.record(
        Step.SHEET_PRODUCED,
        Map.of("sheetSha256", sheetSha256, "sheetId", sheet.sheetId()),
        Map.of(
            InterventionField.SHEET_PATH,
            sheetPath.toAbsolutePath().toString(),
            InterventionField.SHEET_SHA256,
            sheetSha256));
    log.done(
        Step.SHEET_PRODUCED,
        started,
        Message.of("step-done.sheet-produced", sheetPath.getFileName().toString()));
  }

  private List<SheetAttachment> attachments(InterventionSheet sheet) {
    String id = log.interventionId();
    return List.of(
        new SheetAttachment(
            id + "-request.pem",
            "application/pkcs10",
            "Demande de certificat PKCS#10",
            CertificateRequestFactory.toPem(token.request()).getBytes(StandardCharsets.US_ASCII)),
        new SheetAttachment(
            EvidenceManifest.FILE_NAME,
            "application/json",
            "Manifeste des preuves du rendez-vous",
            EvidenceManifest.of(id, sheet.sheetId(), enrollment(), sheet.device())));
  }

  private void sign(SheetSigning signing) throws IOException, StoreException, EnrollmentException {
    long started = System.nanoTime();
    OfficerCredential officer = signing.officer();
    byte[] pdf;
    try {
      pdf =
          SheetSignature.sign(sheetPath, officer, signing.timestamps(), enrollment(), log.clock());
    } catch (DeviceSigningException | SheetSigningException | TimestampException e) {
      throw log.interrupted("the sheet is not signed: " + e.getMessage(), e);
    }
    signed = true;
    String signedSha256 = Fingerprints.sha256Hex(pdf);
    log.record(
        Step.SHEET_SIGNED,
        Map.of(
            "sheetSha256",
            signedSha256,
            "signer",
            officer.certificate().getSubjectX500Principal().getName(),
            "format",
            signing.timestamps().isPresent() ? "PAdES-BASELINE-T" : "PAdES-BASELINE-B"),
        Map.of(InterventionField.SHEET_SHA256, signedSha256));
    log.done(
        Step.SHEET_SIGNED,
        started,
        Message.of("step-done.sheet-signed", enrollment().meeting().officer().name()));
  }

  private void close() throws StoreException {
    long started = System.nanoTime();
    log.record(Step.CLOSED, Map.of(), Map.of());
    log.done(Step.CLOSED, started, Message.of("step-done.closed", log.interventionId()));
  }

  private void seal(OfficerCredential officer) throws StoreException, EnrollmentException {
    try {
      log.store()
          .sealJournal(
              log.interventionId(), officer.key(), officer.certificate(), log.clock().instant());
    } catch (DeviceSigningException e) {
      throw log.interrupted("the journal is not sealed: " + e.getMessage(), e);
    }
  }

  private Enrollment enrollment() {
    return request.enrollment();
  }
}
