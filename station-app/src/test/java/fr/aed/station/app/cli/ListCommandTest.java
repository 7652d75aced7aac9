package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.TestOfficerKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 9: {@code station list} shows one line per meeting, and nothing a dossier holds
 * can clear the screen, retitle the terminal or reorder the line.
 */
class ListCommandTest {

  private static final String RETITLE = "\u001B]0;pwned\u0007";
  private static final String CLEAR = "\u001B[2J";
  private static final String HOSTILE_COMPANY =
      "Atelier " + RETITLE + CLEAR + "Nord\nFAKE LINE\u202Eevil\u2066";
  private static final String HOSTILE_HOLDER = "Dupont\u2028\u0085\u009B31m\u200F\u061C";

  @TempDir Path dir;

  @BeforeEach
  void recordHostileMeetings() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      TestOfficerKey.register(store);
      begin(store, "Martin", HOSTILE_COMPANY, "2026-11-20T09:00:00Z");
      begin(store, HOSTILE_HOLDER, "Boulangerie\r\nMartin", "2026-11-21T09:00:00Z");
      begin(store, "Lefèvre-Dubois", "Atelier Numérique Démo", "2026-11-22T09:00:00Z");
    }
  }

  @Test
  void eachMeetingIsOneLineWithoutAnyCharacterThatActs() {
    String out = station("list", "--data-dir", dir.toString());

    List<String> lines = out.lines().toList();
    assertEquals(4, lines.size(), out); // three meetings and the count
    assertEquals("3 intervention(s)", lines.get(3));
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      assertTrue(
          c == '\n' || !isControlOrInvisible(c),
          "raw U+" + Integer.toHexString(c) + " at " + i + " of:\n" + out);
    }
    assertTrue(
        out.contains(
            "Martin — Atelier \\u001B]0;pwned\\u0007\\u001B[2JNord\\u000AFAKE"
                + " LINE\\u202Eevil\\u2066"),
        out);
    assertTrue(out.contains("Dupont\\u2028\\u0085\\u009B31m\\u200F\\u061C"), out);
    assertTrue(out.contains("Boulangerie\\u000D\\u000AMartin"), out);
    assertTrue(out.contains("Lefèvre-Dubois — Atelier Numérique Démo"), out);
  }

  @Test
  void jsonKeepsTheRecordedNamesExactly() throws Exception {
    String out = station("list", "--data-dir", dir.toString(), "--json");

    for (int i = 0; i < out.length(); i++) {
      assertFalse(isControlOrInvisible(out.charAt(i)) && out.charAt(i) != '\n', out);
    }
    JsonNode list = EnrollmentFile.mapper().readTree(out);
    String holder = list.get(1).get("holderName").asText();
    assertTrue(holder.contains(HOSTILE_HOLDER), holder);
    assertEquals(HOSTILE_COMPANY, list.get(2).get("companyName").asText());
  }

  private static boolean isControlOrInvisible(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || Character.isSurrogate(c);
  }

  private static void begin(InterventionStore store, String surname, String company, String at)
      throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 11, 20, 10, 0));
    Dossier d = sample.dossier();
    Holder h = d.holder();
    Company c = d.company();
    Enrollment e =
        new Enrollment(
            new Dossier(
                d.id(),
                d.orderReference(),
                d.product(),
                d.validityYears(),
                new Holder(
                    surname, h.givenNames(), h.birthDate(), h.birthPlace(), h.email(), h.phone()),
                new Company(company, c.legalForm(), c.siren(), c.siret(), c.holderRole())),
            sample.meeting());
    store.begin(e, EnrollmentFile.toJson(e), Instant.parse(at));
  }

  private static String station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out.toString();
  }
}
