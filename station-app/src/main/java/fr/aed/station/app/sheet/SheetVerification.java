package fr.aed.station.app.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import fr.aed.station.crypto.pades.SheetSigningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Checks an intervention sheet years later: its signatures, its PDF/A claim, and that it is the
 * sheet the station recorded (same bytes, same request, same intervention).
 */
public final class SheetVerification {

  private static final String MANIFEST = "manifeste.json";

  private final InterventionStore store;

  public SheetVerification(InterventionStore store) {
    this.store = store;
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
   * Runs every check on the sheet's bytes. Never throws for a bad file: an unreadable file fails
   * the checks that need to read it.
   *
   * @throws StoreException if the database cannot be read
   */
  public List<Check> verify(byte[] pdf) throws StoreException {
    List<Check> checks = new ArrayList<>();
    checks.add(signatures(pdf));
    ArchiveConformance.ArchiveVerdict archive = ArchiveConformance.check(pdf);
    checks.add(new Check("PDF/A", archive.compliant(), archive.summary()));
    checks.addAll(record(pdf));
    return checks;
  }

  private static Check signatures(byte[] pdf) {
    try {
      SheetSignatureReport report = new PadesVerifier().verify(pdf);
      if (report.signatures().isEmpty()) {
        return new Check("signature", false, "the sheet is not signed");
      }
      var last = report.signatures().get(report.signatures().size() - 1);
      return new Check(
          "signature",
          report.valid(),
          report.signatures().size()
              + " signature(s); last by "
              + last.signerSubject()
              + (last.valid() ? ", valid and covering the whole file" : ", INVALID"));
    } catch (SheetSigningException e) {
      return new Check("signature", false, "cannot read the sheet: " + e.getMessage());
    }
  }

  private List<Check> record(byte[] pdf) throws StoreException {
    Map<String, byte[]> files;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      files = EmbeddedAttachments.read(document);
    } catch (IOException e) {
      return List.of(new Check("record", false, "cannot read the sheet's attachments: " + e));
    }
    Optional<String> interventionId = interventionId(files.get(MANIFEST));
    if (interventionId.isEmpty()) {
      return List.of(new Check("record", false, "no evidence manifest inside the sheet"));
    }
    Optional<InterventionState> state = store.state(interventionId.get());
    if (state.isEmpty()) {
      return List.of(
          new Check("record", false, "no intervention " + interventionId.get() + " here"));
    }
    return List.of(
        sameBytes(pdf, state.get()), sameRequest(files, state.get(), interventionId.get()));
  }

  private static Check sameBytes(byte[] pdf, InterventionState state) {
    String hash = Fingerprints.sha256Hex(pdf);
    boolean same = hash.equals(state.sheetSha256());
    return new Check(
        "record",
        same,
        same
            ? "the sheet recorded for " + state.id()
            : "differs from the sheet recorded for "
                + state.id()
                + " (SHA-256 "
                + hash
                + ", recorded "
                + state.sheetSha256()
                + ")");
  }

  private static Check sameRequest(Map<String, byte[]> files, InterventionState state, String id) {
    byte[] pem = files.get(id + "-request.pem");
    if (pem == null) {
      return new Check("request", false, "no request attached");
    }
    try (PEMParser parser =
        new PEMParser(new java.io.StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      PKCS10CertificationRequest attached = (PKCS10CertificationRequest) parser.readObject();
      String recorded = state.csrPem();
      boolean same =
          recorded != null && recorded.equals(new String(pem, StandardCharsets.US_ASCII));
      return new Check(
          "request",
          same,
          (same ? "the recorded request" : "differs from the recorded request")
              + ", SHA-256 "
              + Fingerprints.sha256Hex(attached.getEncoded()));
    } catch (IOException | ClassCastException e) {
      return new Check("request", false, "the attached request cannot be read: " + e);
    }
  }

  private static Optional<String> interventionId(byte[] manifest) {
    if (manifest == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = EnrollmentFile.mapper().readTree(manifest);
      return Optional.ofNullable(node.path("interventionId").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
