package fr.aed.station.app.batch;

import fr.aed.station.app.domain.Enrollment;
import java.util.Optional;

/**
 * One dossier of a batch, as read: its enrollment, or why it could not be read.
 *
 * @param source where it comes from: a file, or a file and a position in its array
 * @param enrollment the enrollment, when the dossier was read
 * @param problem why the dossier could not be read, when it was not
 */
public record BatchDossier(String source, Optional<Enrollment> enrollment, String problem) {

  static BatchDossier read(String source, Enrollment enrollment) {
    return new BatchDossier(source, Optional.of(enrollment), "");
  }

  static BatchDossier unreadable(String source, String problem) {
    return new BatchDossier(source, Optional.empty(), problem);
  }

  /** The dossier's identifier, or its source when it could not be read. */
  public String label() {
    return enrollment.map(e -> e.dossier().id()).orElse(source);
  }
}
