package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.simulator.SimulatedCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code station readers} over the in-process simulated readers. */
class ReadersCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listsTheSimulatedCardIdentifiedWithItsBackends() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert()) {
      Run run = station("readers", "--in-process", "--json");

      assertEquals(0, run.code(), run.err());
      JsonNode reader = readerNamed(EnrollmentFile.mapper().readTree(run.out()), card.readerName());
      assertTrue(reader.get("cardPresent").asBoolean());
      assertEquals(
          HexFormat.of().withUpperCase().formatHex(card.atr()), reader.get("atr").asText());
      assertEquals("Station simulated PIV card", reader.get("model").asText());
      assertTrue(reader.get("piv").asBoolean());
      assertEquals("catalogue", reader.get("pivSource").asText());
      assertEquals("PIV over PC/SC", reader.get("backends").get(0).asText());
      assertTrue(reader.get("backends").get(1).asText().startsWith("PKCS#11 "), reader.toString());
    }
  }

  @Test
  void printsOneBlockPerReader() {
    try (SimulatedCard card = SimulatedCard.insert()) {
      Run run = station("readers", "--in-process");

      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains(card.readerName() + "\n  card     : present"), run.out());
      assertTrue(run.out().contains("  model    : Station simulated PIV card"), run.out());
      assertTrue(run.out().contains("  backends : PIV over PC/SC; PKCS#11 "), run.out());
    }
  }

  private static JsonNode readerNamed(JsonNode json, String name) {
    for (JsonNode reader : json.get("readers")) {
      if (reader.get("name").asText().equals(name)) {
        return reader;
      }
    }
    throw new AssertionError(name + " not listed in " + json);
  }
}
