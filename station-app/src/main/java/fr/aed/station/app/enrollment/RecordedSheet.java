package fr.aed.station.app.enrollment;

import fr.aed.station.app.store.InterventionState;
import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A meeting's sheet read from disk, only when it is still the one the record names. */
final class RecordedSheet {

  private RecordedSheet() {}

  /**
   * The sheet's bytes.
   *
   * @throws EnrollmentException if the sheet on disk is not the recorded one any more
   * @throws IOException if it cannot be read
   */
  static byte[] read(InterventionState state) throws EnrollmentException, IOException {
    Path sheet = Path.of(state.sheetPath());
    byte[] recorded = Files.readAllBytes(sheet);
    if (!Fingerprints.sha256Hex(recorded).equals(state.sheetSha256())) {
      throw new EnrollmentException(
          "the sheet " + sheet + " is not the recorded one any more", state.id(), null);
    }
    return recorded;
  }
}
