package fr.aed.station.app.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.fuzz.FuzzStats;
import fr.aed.station.app.fuzz.ShortFuzzRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dossier reader on hostile files (issue 14): any bytes give an enrollment or a {@link
 * DossierFileException}, never another exception; what is read is written back and read again
 * unchanged, as the station records it (UTF-8 JSON) and reads it on resuming.
 */
class EnrollmentFileFuzzTest {

  private static final Path FILE = temporaryFile();

  // The seeds once before the fuzzer's clock starts: the first input would otherwise pay for
  // loading and instrumenting the reader, over the long run's 2 s limit.
  @BeforeAll
  static void warmUp() throws Exception {
    for (byte[] seed : seeds()) {
      check(seed);
    }
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void anyFileGivesAnEnrollmentOrADossierFileException(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  @Test
  void shortRun() throws Exception {
    ShortFuzzRun.run(
        seeds(),
        List.of(
            "\"", "{", "}", "[]", ",", ":", "null", "true", "1e9", "\\u0000", "\\ud800", "\u00e9"),
        ShortFuzzRun.INPUTS,
        EnrollmentFileFuzzTest::check);
  }

  static void check(byte[] input) throws IOException {
    Files.write(FILE, input);
    Enrollment read;
    try {
      read = EnrollmentFile.read(FILE);
    } catch (DossierFileException refused) {
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    byte[] recorded = EnrollmentFile.toJson(read).getBytes(StandardCharsets.UTF_8);
    try {
      assertEquals(
          read, EnrollmentFile.parse("recorded", new String(recorded, StandardCharsets.UTF_8)));
    } catch (DossierFileException e) {
      throw new AssertionError("the recorded dossier is not read again: " + e.getMessage(), e);
    }
  }

  static List<byte[]> seeds() {
    String sample =
        EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.of(2026, 12, 4, 10, 30)));
    return List.of(
        sample.getBytes(StandardCharsets.UTF_8),
        sample.replace("\n", "").replace("  ", "").getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8),
        "null".getBytes(StandardCharsets.UTF_8),
        "{\"dossier\":{\"holder\":{\"givenNames\":[\"\\ud800\"]}}}"
            .getBytes(StandardCharsets.UTF_8));
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("fuzz-dossier", ".json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
