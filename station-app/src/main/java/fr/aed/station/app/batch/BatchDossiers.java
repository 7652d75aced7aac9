package fr.aed.station.app.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the dossiers of a batch: a JSON array of enrollment files in one file, or a folder of
 * enrollment files ({@code *.json}, in the order of their names). A dossier that cannot be read is
 * kept in its place, with the reason, so that the batch reports it and goes on.
 */
public final class BatchDossiers {

  // A batch file holds one dossier per card of the day: a few thousand at most.
  private static final int MAX_BATCH_BYTES = 64 * 1024 * 1024;

  private BatchDossiers() {}

  /**
   * Reads the dossiers of {@code fileOrFolder}.
   *
   * @throws DossierFileException if the file or folder itself cannot be read, or the file is
   *     neither a JSON array nor one enrollment
   */
  public static List<BatchDossier> read(Path fileOrFolder) throws DossierFileException {
    if (Files.isDirectory(fileOrFolder)) {
      return readFolder(fileOrFolder);
    }
    String text = EnrollmentFile.readText(fileOrFolder, MAX_BATCH_BYTES);
    JsonNode root;
    try {
      root = EnrollmentFile.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new DossierFileException(
          fileOrFolder + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !(root.isArray() || root.isObject())) {
      throw new DossierFileException(
          fileOrFolder + ": expected a JSON array of enrollments, or one enrollment");
    }
    List<BatchDossier> dossiers = new ArrayList<>();
    if (root.isObject()) {
      dossiers.add(parse(fileOrFolder.toString(), root));
    } else {
      for (int i = 0; i < root.size(); i++) {
        dossiers.add(parse(fileOrFolder + "[" + i + "]", root.get(i)));
      }
    }
    return dossiers;
  }

  /**
   * Marks the dossiers met by another officer than the first dossier's as not to be enrolled in
   * this batch: one batch is one officer's session, whose credential signs every sheet.
   */
  public static List<BatchDossier> oneOfficer(List<BatchDossier> dossiers) {
    Optional<Officer> first =
        dossiers.stream()
            .flatMap(d -> d.enrollment().stream())
            .findFirst()
            .map(e -> e.meeting().officer());
    if (first.isEmpty()) {
      return dossiers;
    }
    List<BatchDossier> checked = new ArrayList<>();
    for (BatchDossier dossier : dossiers) {
      Optional<Officer> officer = dossier.enrollment().map(e -> e.meeting().officer());
      if (officer.isPresent() && !officer.get().equals(first.get())) {
        checked.add(
            BatchDossier.excluded(
                dossier,
                "met by "
                    + officer.get().name()
                    + ", not by "
                    + first.get().name()
                    + " like the batch's first dossier: enroll it in that officer's batch"));
      } else {
        checked.add(dossier);
      }
    }
    return checked;
  }

  private static List<BatchDossier> readFolder(Path folder) throws DossierFileException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new DossierFileException(folder + ": cannot list the dossiers (" + e + ")");
    }
    List<BatchDossier> dossiers = new ArrayList<>();
    for (Path file : files) {
      try {
        dossiers.add(BatchDossier.read(file.toString(), EnrollmentFile.read(file)));
      } catch (DossierFileException e) {
        dossiers.add(BatchDossier.unreadable(file.toString(), e.getMessage()));
      }
    }
    return dossiers;
  }

  private static BatchDossier parse(String source, JsonNode node) {
    try {
      return BatchDossier.read(source, EnrollmentFile.parse(source, node.toString()));
    } catch (DossierFileException e) {
      return BatchDossier.unreadable(source, e.getMessage());
    }
  }
}
