package fr.aed.station.app.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentFileTest {

  @TempDir Path dir;

  private final Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 11, 24, 10, 30));

  @Test
  void sampleRoundTripsThroughAFile() throws Exception {
    Path file = dir.resolve("dossier.json");
    Files.writeString(file, EnrollmentFile.toJson(sample));

    assertEquals(sample, EnrollmentFile.read(file));
  }

  @Test
  void missingFieldIsNamedWithItsPath() {
    String json = EnrollmentFile.toJson(sample).replace("\"surname\" : \"Lefèvre-Dubois\",", "");

    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertEquals("d.json: missing field 'dossier.holder.surname'", e.getMessage());
  }

  @Test
  void unknownFieldIsNamed() {
    String json =
        EnrollmentFile.toJson(sample).replace("\"product\"", "\"prodcut\" : \"x\", \"product\"");

    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertTrue(e.getMessage().contains("unknown field 'dossier.prodcut'"), e.getMessage());
  }

  @Test
  void wrongTypeIsNamed() {
    String json =
        EnrollmentFile.toJson(sample)
            .replace("\"validityYears\" : 3", "\"validityYears\" : \"trois\"");

    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertTrue(
        e.getMessage().startsWith("d.json: wrong value at 'dossier.validityYears'"),
        e.getMessage());
  }

  @Test
  void notJsonIsSaidSo() {
    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", "{ oops"));
    assertTrue(e.getMessage().startsWith("d.json: not valid JSON"), e.getMessage());
  }

  @Test
  void missingFileIsSaidSo() {
    DossierFileException e =
        assertThrows(
            DossierFileException.class, () -> EnrollmentFile.read(dir.resolve("absent.json")));
    assertTrue(e.getMessage().endsWith("absent.json: no such dossier file"), e.getMessage());
  }
}
