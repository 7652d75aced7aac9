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

  // Seen in hostile dossiers: each was read as something it did not say, and printed on the sheet.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "\"validityYears\" : 3|\"validityYears\" : 3.7",
        "\"validityYears\" : 3|\"validityYears\" : \"3\"",
        "\"originalSeen\" : true|\"originalSeen\" : 1",
        "\"photoMatches\" : true|\"photoMatches\" : 9223372036854775808",
        "\"validityYears\" : 3|\"validityYears\" : 1, \"validityYears\" : 3"
      })
  void looseValuesAndDuplicateKeysAreRefused(String field, String hostile) {
    String json = EnrollmentFile.toJson(sample);
    assertTrue(json.contains(field), field);
    String edited = json.replace(field, hostile);

    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", edited));
    assertTrue(e.getMessage().startsWith("d.json: "), e.getMessage());
  }

  @Test
  void aFileHoldingNullOrTrailingTextIsRefused() {
    assertEquals(
        "d.json: holds no dossier (null)",
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", "null"))
            .getMessage());
    assertThrows(
        DossierFileException.class,
        () -> EnrollmentFile.parse("d.json", EnrollmentFile.toJson(sample) + " {}"));
  }

  @Test
  void anEndlessOrHugeFileIsRefusedWithoutReadingItWhole() throws Exception {
    Path huge = dir.resolve("huge.json");
    Files.write(huge, new byte[EnrollmentFile.MAX_DOSSIER_BYTES + 1]);
    assertTrue(
        assertThrows(DossierFileException.class, () -> EnrollmentFile.read(huge))
            .getMessage()
            .contains("this is not a dossier file"));
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      assertTrue(
          assertThrows(DossierFileException.class, () -> EnrollmentFile.read(zero))
              .getMessage()
              .contains("this is not a dossier file"));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"\"givenNames\" : [ ]", "\"givenNames\" : [ \" \" ]"})
  void aHolderWithoutGivenNameIsRefusedNotACrash(String givenNames) {
    String json =
        EnrollmentFile.toJson(sample).replaceFirst("\"givenNames\" : \\[[^\\]]*\\]", givenNames);
    assertTrue(json.contains(givenNames), json);
    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertTrue(e.getMessage().contains("given name"), e.getMessage());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"\"0000-01-01\"", "\"+99999-01-01\"", "\"-2000-01-01\"", "-1"})
  void impossibleBirthDatesAreRefused(String birthDate) {
    String json =
        EnrollmentFile.toJson(sample)
            .replaceFirst("\"birthDate\" : \"[^\"]*\"", "\"birthDate\" : " + birthDate);
    assertTrue(json.contains("\"birthDate\" : " + birthDate), json);
    assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
  }

  // Found by EnrollmentFileFuzzTest: a holder's role with a lone surrogate escaped in it (D800) was
  // read, then recorded in UTF-8 with '?' in its place: another dossier on resuming.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"\\ud800", "\\udc00x", "x\\udbff"})
  void halfACharacterIsRefusedWithItsField(String escape) {
    String json =
        EnrollmentFile.toJson(sample)
            .replaceFirst(
                "\"holderRole\" : \"", "\"holderRole\" : \"" + escape.replace("\\", "\\\\"));
    assertTrue(json.contains(escape), json);
    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertTrue(e.getMessage().contains("dossier.company.holderRole"), e.getMessage());
  }

  @Test
  void aPairOfEscapesIsOneCharacter() throws Exception {
    String json =
        EnrollmentFile.toJson(sample)
            .replaceFirst("\"holderRole\" : \"", "\"holderRole\" : \"\\\\ud83d\\\\ude00");
    assertEquals(
        "\ud83d\ude00" + sample.dossier().company().holderRole(),
        EnrollmentFile.parse("d.json", json).dossier().company().holderRole());
  }
}
