package fr.aed.station.app.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchDossiersTest {

  @TempDir Path dir;

  private final Enrollment sample = SampleEnrollment.at(LocalDateTime.now());

  @Test
  void readsAnArrayKeepingAnUnreadableDossierInItsPlace() throws Exception {
    Path file = dir.resolve("batch.json");
    String json = EnrollmentFile.toJson(sample);
    Files.writeString(file, "[" + json + ", {\"dossier\": 3}, " + json + "]");

    List<BatchDossier> dossiers = BatchDossiers.read(file);

    assertEquals(3, dossiers.size());
    assertEquals("DOS-DEMO-0001", dossiers.get(0).label());
    assertEquals(file + "[1]", dossiers.get(1).label());
    assertTrue(dossiers.get(1).problem().startsWith(file + "[1]: "), dossiers.get(1).problem());
    assertEquals("", dossiers.get(2).problem());
  }

  @Test
  void readsAFolderInTheOrderOfItsFileNames() throws Exception {
    Files.writeString(dir.resolve("b.json"), EnrollmentFile.toJson(sample));
    Files.writeString(dir.resolve("a.json"), "not json");
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    List<BatchDossier> dossiers = BatchDossiers.read(dir);

    assertEquals(2, dossiers.size());
    assertTrue(dossiers.get(0).source().endsWith("a.json"));
    assertTrue(dossiers.get(0).problem().contains("not valid JSON"), dossiers.get(0).problem());
    assertEquals("DOS-DEMO-0001", dossiers.get(1).label());
  }

  @Test
  void aFileThatIsNeitherAnArrayNorAnEnrollmentIsRefusedWhole() throws Exception {
    Path file = Files.writeString(dir.resolve("batch.json"), "42");

    assertThrows(DossierFileException.class, () -> BatchDossiers.read(file));
  }

  @Test
  void keepsAnotherOfficersDossierOutOfTheBatch() {
    MeetingRecord m = sample.meeting();
    Officer other =
        new Officer(
            "Maître Autre",
            m.officer().office(),
            m.officer().address(),
            "X",
            m.officer().trainedOn(),
            "ACC-X");
    Enrollment byOther = new Enrollment(sample.dossier(), m.withOfficer(other));

    List<BatchDossier> checked =
        BatchDossiers.oneOfficer(
            List.of(BatchDossier.read("1", sample), BatchDossier.read("2", byOther)));

    assertEquals("", checked.get(0).problem());
    assertTrue(checked.get(1).problem().startsWith("met by Maître Autre, not by "));
    assertEquals("DOS-DEMO-0001", checked.get(1).label());
  }
}
