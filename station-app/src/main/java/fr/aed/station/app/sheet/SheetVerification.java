package fr.aed.station.app.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.SheetRecords;
import fr.aed.station.app.store.SheetRecords.Journaled;
import fr.aed.station.app.store.SheetRecords.Recorded;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.SignatureCheck;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.SignerVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks an intervention sheet years later: its signatures, that its signer is an officer the trust
 * list vouches for, its PDF/A claim, and that it is the sheet of the meeting it belongs to: the
 * bytes that meeting recorded, in the file that meeting's record points to, with that meeting's
 * request and key inside, and its signature journaled and sealed in a journal that holds up to it.
 */
public final class SheetVerification {

  private static final String MANIFEST = "manifeste.json";

  private final InterventionStore store;
  private final SignerTrust trust;

  /** Checks sheets against {@code store}'s records, their signers against {@code trust}. */
  public SheetVerification(InterventionStore store, SignerTrust trust) {
    this.store = store;
    this.trust = trust;
  }

  /**
   * One check and its outcome.
   *
   * @param name what was checked
   * @param passed whether it passed
   * @param detail what was found
   */
  public record Check(String name, boolean passed, String detail) {}

  /**
   * Runs every check on the sheet's bytes, read from {@code file}. Never throws for a bad file: an
   * unreadable file fails the checks that need to read it.
   *
   * @throws StoreException if the database cannot be read
   */
  public List<Check> verify(Path file, byte[] pdf) throws StoreException {
    List<Check> checks = new ArrayList<>();
    Optional<SignatureCheck> last = lastSignature(pdf, checks);
    checks.add(signer(last));
    ArchiveConformance.ArchiveVerdict archive = ArchiveConformance.check(pdf);
    checks.add(new Check("PDF/A", archive.compliant(), archive.summary()));
    checks.addAll(record(file, pdf));
    return checks;
  }

  private static Optional<SignatureCheck> lastSignature(byte[] pdf, List<Check> checks) {
    try {
      SheetSignatureReport report = new PadesVerifier().verify(pdf);
      if (report.signatures().isEmpty()) {
        checks.add(new Check("signature", false, "the sheet is not signed"));
        return Optional.empty();
      }
      SignatureCheck last = report.signatures().get(report.signatures().size() - 1);
      checks.add(
          new Check(
              "signature",
              report.valid(),
              report.signatures().size()
                  + " signature(s); last by "
                  + last.signerSubject()
                  + (last.valid() ? ", valid and covering the whole file" : ", INVALID")));
      return Optional.of(last);
    } catch (SheetSigningException e) {
      checks.add(new Check("signature", false, "cannot read the sheet: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private Check signer(Optional<SignatureCheck> signature) {
    if (signature.isEmpty() || signature.get().signerCertificate().length == 0) {
      return new Check("signer", false, "no signer's certificate in the sheet");
    }
    SignerVerdict verdict = trust.verdict(signature.get().signerCertificate());
    if (!trust.checks()) {
      return new Check(
          "signer",
          false,
          verdict.subject() + ": not checked, no trust list was given (--trust-list or --demo)");
    }
    Instant signedAt =
        signature.get().signingTime() != null
            ? signature.get().signingTime().toInstant()
            : Instant.now();
    Optional<String> refusal = verdict.refusalAt(signedAt);
    if (refusal.isPresent()) {
      return new Check("signer", false, "signed with " + refusal.get());
    }
    var authority = verdict.authority().orElseThrow();
    return new Check(
        "signer",
        true,
        verdict.subject()
            + " (certificate SHA-256 "
            + verdict.sha256()
            + "), issued by "
            + authority.subject()
            + (authority.demonstration()
                ? ": a DEMONSTRATION authority, this signature proves nothing"
                : " (trust list)"));
  }

  private List<Check> record(Path file, byte[] pdf) throws StoreException {
    Map<String, byte[]> files;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      files = EmbeddedAttachments.read(document);
    } catch (IOException e) {
      return List.of(new Check("record", false, "cannot read the sheet's attachments: " + e));
    }
    Optional<JsonNode> manifest = manifest(files.get(MANIFEST));
    Optional<String> named =
        manifest.map(m -> m.path("interventionId").textValue()).filter(id -> id != null);
    if (named.isEmpty()) {
      return List.of(new Check("record", false, "no evidence manifest inside the sheet"));
    }
    String id = named.get();
    SheetRecords records = new SheetRecords(store);
    Optional<Recorded> recorded = records.recorded(id);
    if (recorded.isEmpty()) {
      return List.of(new Check("record", false, "no intervention " + id + " here"));
    }
    String sha256 = Fingerprints.sha256Hex(pdf);
    return List.of(
        sameMeeting(records.meetingsWhoseSheetIs(file), recorded.get(), sha256),
        SheetRequestCheck.check(files, manifest.get(), recorded.get()),
        journal(records.journaled(id), id, sha256));
  }

  private static Check sameMeeting(List<String> owners, Recorded recorded, String sha256) {
    String id = recorded.id();
    Optional<String> other = owners.stream().filter(o -> !o.equals(id)).findFirst();
    if (other.isPresent()) {
      return new Check("record", false, "this is the sheet of " + id + ", not of " + other.get());
    }
    boolean same = sha256.equals(recorded.sheetSha256());
    return new Check(
        "record",
        same,
        same
            ? "the sheet recorded for " + id
            : "differs from the sheet recorded for "
                + id
                + " (SHA-256 "
                + sha256
                + ", recorded "
                + recorded.sheetSha256()
                + ")");
  }

  private Check journal(Journaled journaled, String id, String sha256) throws StoreException {
    if (journaled.entries() == 0) {
      return new Check("journal", false, "no entry of " + id + " in this station's journal");
    }
    if (journaled.sheetSignedSequence() == 0) {
      return new Check("journal", false, "the journal records no signed sheet for " + id);
    }
    if (!sha256.equals(journaled.sheetSha256())) {
      return new Check(
          "journal",
          false,
          "the journal recorded another signed sheet for "
              + id
              + " (entry "
              + journaled.sheetSignedSequence()
              + ", SHA-256 "
              + journaled.sheetSha256()
              + ")");
    }
    if (journaled.sealSequence().isEmpty()) {
      return new Check(
          "journal",
          false,
          "the signature of "
              + id
              + "'s sheet (entry "
              + journaled.sheetSignedSequence()
              + ") is not sealed yet");
    }
    long seal = journaled.sealSequence().getAsLong();
    JournalVerification.Outcome outcome = new JournalVerification(store, trust).verifyThrough(seal);
    if (outcome.brokenLink().isPresent()) {
      return new Check(
          "journal",
          false,
          "the journal is broken at entry "
              + outcome.brokenLink().get().sequence()
              + ": "
              + outcome.brokenLink().get().reason());
    }
    return new Check(
        "journal",
        trust.checks(),
        "the sheet's signature journaled at entry "
            + journaled.sheetSignedSequence()
            + ", sealed at entry "
            + seal
            + "; the journal holds up to it"
            + (trust.checks() ? "" : ", its seals not checked against a trust list"));
  }

  private static Optional<JsonNode> manifest(byte[] manifest) {
    if (manifest == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(EnrollmentFile.mapper().readTree(manifest));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
