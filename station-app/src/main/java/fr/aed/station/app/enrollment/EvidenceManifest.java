package fr.aed.station.app.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.nio.charset.StandardCharsets;

/**
 * The evidence manifest attached inside the sheet: what was checked and produced, with hashes, and
 * no more personal data than the sheet itself prints (REG-6.2.2-23).
 */
final class EvidenceManifest {

  static final String FILE_NAME = "manifeste.json";

  private EvidenceManifest() {}

  static byte[] of(
      String interventionId, String sheetId, Enrollment enrollment, DeviceRecord device) {
    MeetingRecord meeting = enrollment.meeting();
    ObjectNode root = EnrollmentFile.mapper().createObjectNode();
    root.put("format", "station-evidence-manifest-v1");
    root.put("interventionId", interventionId);
    root.put("sheetId", sheetId);
    root.put("dossierId", enrollment.dossier().id());
    root.put("orderReference", enrollment.dossier().orderReference());
    root.put("officerAedIdentifier", meeting.officer().aedIdentifier());
    root.put("meetingAt", meeting.heldAt().toString());
    ObjectNode checks = root.putObject("checks");
    checks.put("identityDocumentType", meeting.identityDocument().type().name());
    checks.put("identityDocumentExpiry", meeting.identityDocument().expiryDate().toString());
    checks.put("originalSeen", meeting.originalSeen());
    checks.put("photoMatches", meeting.photoMatches());
    checks.put("kbisDate", meeting.kbisDate().toString());
    checks.put("siret", enrollment.dossier().company().siret());
    ObjectNode token = root.putObject("device");
    token.put("backend", device.backend());
    token.put("model", device.model());
    token.put("serial", device.serial());
    token.put("keyAlgorithm", device.keyAlgorithm());
    token.put("keyGeneratedOnToken", device.keyGeneratedOnToken());
    token.put("publicKeySha256", device.publicKeySha256());
    token.put("csrSha256", device.csrSha256());
    try {
      return EnrollmentFile.mapper().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }
}
