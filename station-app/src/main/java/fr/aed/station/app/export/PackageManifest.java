package fr.aed.station.app.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code manifest.json}: every file of the package with its SHA-256 and size, the intervention, the
 * dossier and the journal's head at export time. It names files and hashes only: the personal data
 * is in the signed sheet, not repeated here (REG-6.2.2-23).
 */
final class PackageManifest {

  static final String FILE_NAME = "manifest.json";
  static final String FORMAT = "station-ca-export-v1";

  private PackageManifest() {}

  static byte[] of(ExportContents contents, Instant exportedAt) {
    ObjectNode root = EnrollmentFile.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("interventionId", contents.interventionId());
    root.put("dossierId", contents.dossierId());
    root.put("exportedAt", exportedAt.toString());
    root.putObject("journalHead")
        .put("sequence", contents.journalHead().sequence())
        .put("hash", contents.journalHead().hash());
    ArrayNode files = root.putArray("files");
    for (ExportedFile file : contents.files()) {
      files
          .addObject()
          .put("name", file.name())
          .put("sha256", file.sha256())
          .put("size", file.size());
    }
    try {
      return EnrollmentFile.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(root)
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
