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
    assertTrue(
        e.getMessage().contains("given name") || e.getMessage().contains("givenNames[0]' is empty"),
        e.getMessage());
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

  // Seen on signed sheets: terminal escapes in the birth place, a direction override in the
  // officer's name, a lone surrogate in the company, a NUL in the holder's role, a 3 MB place.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "dossier.holder.birthPlace|Besan\\u001B[2Jçon|contains the control character U+001B (ESCAPE)",
        "meeting.officer.name|Maître \\u202EJean|contains the invisible character U+202E"
            + " (RIGHT-TO-LEFT OVERRIDE)",
        "dossier.company.name|Acme \\uD800|contains the invisible character U+D800",
        "dossier.company.holderRole|Présidente\\u0000|contains the control character U+0000 (NULL)",
        "meeting.place|Besançon\\r\\nFaux|contains the control character U+000D",
        "dossier.holder.birthPlace|Besançon\\u2028Doubs|contains the invisible character U+2028",
        "dossier.id|' '|is empty",
        "dossier.orderReference|''|is empty",
        "meeting.officer.aedIdentifier|''|is empty",
        "meeting.kbisOverride|x|is shorter than 15 characters",
        "dossier.company.name|Atelier \\uD83D\\uDE00 Démo|contains U+1F600 (GRINNING FACE)",
        "dossier.holder.surname|Lefèvre\\u00A0Dubois|contains U+00A0 (NO-BREAK SPACE), which a"
            + " name in a certificate must not carry"
      })
  void hostileTextIsRefusedNamingTheField(String path, String escaped, String expected)
      throws Exception {
    String json = withText(path, unescape(escaped));

    DossierFileException e =
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json));
    assertTrue(e.getMessage().startsWith("d.json: '" + path + "' "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "dossier.holder.birthPlace, 100",
    "dossier.company.name, 64",
    "meeting.officer.name, 100",
    "dossier.holder.email, 254"
  })
  void everyTextHasItsBound(String path, int bound) throws Exception {
    assertEquals(bound, DossierText.bound(path));
    String over = withText(path, "a".repeat(bound + 1));
    assertTrue(
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", over))
            .getMessage()
            .contains("is longer than " + bound + " characters"));
    if (!path.endsWith("email")) {
      EnrollmentFile.parse("d.json", withText(path, "a".repeat(bound)));
    }
  }

  @Test
  void aThreeMegabyteBirthPlaceIsRefusedByItsBoundNotItsRendering() throws Exception {
    String json = withText("dossier.holder.birthPlace", "B".repeat(3_000_000));
    assertTrue(
        assertThrows(DossierFileException.class, () -> EnrollmentFile.parse("d.json", json))
            .getMessage()
            .contains("'dossier.holder.birthPlace' is longer than 100 characters"));
  }

  @Test
  void textIsRecordedInNfcAndTheMrzKeepsItsLines() throws Exception {
    String decomposed = "Lefe\u0300vre-Dubois";
    Enrollment read =
        EnrollmentFile.parse("d.json", withText("dossier.holder.surname", unescape(decomposed)));
    assertEquals("Lefèvre-Dubois", read.dossier().holder().surname());
    assertEquals(sample.meeting().mrz(), EnrollmentFile.parse("d.json", json()).meeting().mrz());
    assertTrue(sample.meeting().mrz().contains("\n"));
  }

  @Test
  void aReasonGivenForAFreshExtractOverridesNothing() throws Exception {
    Enrollment read =
        EnrollmentFile.parse(
            "d.json", withText("meeting.kbisOverride", "Extrait du répertoire des métiers"));
    assertTrue(!read.meeting().extractTooOld());
    assertTrue(!read.meeting().kbisOverridden(), "a fresh extract needs no override");
  }

  private String json() {
    return EnrollmentFile.toJson(sample);
  }

  private String withText(String path, String value) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) EnrollmentFile.mapper().readTree(json());
    String[] names = path.split("\\.");
    com.fasterxml.jackson.databind.node.ObjectNode at = root;
    for (int i = 0; i < names.length - 1; i++) {
      at = (com.fasterxml.jackson.databind.node.ObjectNode) at.get(names[i]);
    }
    at.put(names[names.length - 1], value);
    return EnrollmentFile.mapper().writeValueAsString(root);
  }

  private static String unescape(String escaped) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        text.append(c);
      } else if (escaped.charAt(i + 1) == 'u') {
        text.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        text.append(escaped.charAt(i + 1) == 'n' ? '\n' : '\r');
        i++;
      }
    }
    return text.toString();
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
