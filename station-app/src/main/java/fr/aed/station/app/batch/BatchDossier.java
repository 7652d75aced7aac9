package fr.aed.station.app.batch;

import fr.aed.station.app.domain.Enrollment;
import java.util.Optional;

/**
 * One dossier of a batch, as read: its enrollment, and why it is not to be enrolled, if so.
 *
 * @param source where it comes from: a file, or a file and a position in its array
 * @param enrollment the enrollment, when the dossier was read
 * @param problem why the dossier is not to be enrolled (unreadable, another officer's); empty when
 *     it is to be
 */
public record BatchDossier(String source, Optional<Enrollment> enrollment, String problem) {

  static BatchDossier read(String source, Enrollment enrollment) {
    return new BatchDossier(source, Optional.of(enrollment), "");
  }

  static BatchDossier excluded(BatchDossier dossier, String problem) {
    return new BatchDossier(dossier.source(), dossier.enrollment(), problem);
  }

  static BatchDossier unreadable(String source, String problem) {
    return new BatchDossier(source, Optional.empty(), problem);
  }

  /** The dossier's identifier, or its source when it could not be read. */
  public String label() {
    return enrollment.map(e -> e.dossier().id()).orElse(source);
  }
}
