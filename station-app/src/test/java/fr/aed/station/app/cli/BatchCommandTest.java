package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.simulator.SimulatedCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station batch} as RA staff run it: the test brings simulated cards to the in-process
 * readers one after another, and takes each out once the batch has reported its dossier.
 */
class BatchCommandTest {

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void enrollsEachCardGoesPastARefusedDossierAndSaysSo() throws Exception {
    Path dossiers = Files.createDirectory(dir.resolve("dossiers"));
    LocalDateTime now = LocalDateTime.now();
    Files.writeString(dossiers.resolve("1.json"), json(withId(SampleEnrollment.at(now), "DOS-B1")));
    Files.writeString(
        dossiers.resolve("2.json"), json(expiredId(withId(SampleEnrollment.at(now), "DOS-B2"))));
    Files.writeString(dossiers.resolve("3.json"), json(withId(SampleEnrollment.at(now), "DOS-B3")));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    CompletableFuture<Integer> batch =
        CompletableFuture.supplyAsync(
            () ->
                StationCommand.execute(
                    new String[] {
                      "batch",
                      "--dossiers",
                      dossiers.toString(),
                      "--token",
                      BatchCommand.SIMULATED_BATCH,
                      "--pin-file",
                      pin.toString(),
                      "--new-pin-file",
                      HolderPins.file(dir),
                      "--officer",
                      "demo",
                      "--algorithm",
                      "p256",
                      "--data-dir",
                      dir.resolve("data").toString(),
                      "--timeout",
                      "30",
                      "--json"
                    },
                    new PrintWriter(out),
                    new PrintWriter(err)));
    for (int index = 1; index <= 3; index++) {
      awaitLine(err, batch, index + "/3 DOS-B" + index + ": waiting for a card");
      try (SimulatedCard card = SimulatedCard.insert()) {
        awaitLine(err, batch, index + "/3 DOS-B" + index + " card ");
      }
    }
    int code = batch.get(60, TimeUnit.SECONDS);

    assertEquals(1, code, err.toString());
    String progress = err.toString();
    assertTrue(
        progress.matches("(?s).*1/3 DOS-B1 card [0-9a-f]+(\\.\\.\\.)?: done in [0-9.]+ s.*"),
        progress);
    assertTrue(progress.contains("2/3 DOS-B2 card Station simulated card"), progress);
    assertTrue(
        progress.matches("(?s).*3/3 DOS-B3 card [0-9a-f]+(\\.\\.\\.)?: done in .*"), progress);
    JsonNode summary = EnrollmentFile.mapper().readTree(out.toString());
    assertEquals(3, summary.get("total").asInt());
    assertEquals(2, summary.get("enrolled").asInt());
    assertEquals(1, summary.get("refused").asInt());
    JsonNode refused = summary.get("dossiers").get(1);
    assertEquals("DOS-B2", refused.get("dossierId").asText());
    assertEquals("REFUSED", refused.get("outcome").asText());
    assertTrue(refused.get("reason").asText().contains("expir"), refused.toString());
    Path db = dir.resolve("data/station.db");
    String b1 = summary.get("dossiers").get(0).get("interventionId").asText();
    assertEquals("CLOSED", sqlite(db, "SELECT status FROM intervention WHERE id = '" + b1 + "'"));
    assertEquals("2", sqlite(db, "SELECT count(*) FROM intervention WHERE status = 'CLOSED'"));
    assertEquals(
        "REFUSED",
        sqlite(
            db,
            "SELECT status FROM intervention WHERE id = '"
                + refused.get("interventionId").asText()
                + "'"));
  }

  @Test
  @Timeout(120)
  void goesPastACardThatRefusesThePin() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("data").resolve("station.db"));
    Path dossiers = dir.resolve("dossiers.json");
    LocalDateTime now = LocalDateTime.now();
    Files.writeString(
        dossiers,
        "["
            + json(withId(SampleEnrollment.at(now), "DOS-P1"))
            + ","
            + json(withId(SampleEnrollment.at(now), "DOS-P2"))
            + "]");
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    // A card whose holder changed the PIN, prepared before the batch watches the readers.
    Path otherPin = dir.resolve("other-pin.card");
    try (SimulatedCard card = SimulatedCard.insert(otherPin)) {
      changePin(card, "123456", "654321");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    CompletableFuture<Integer> batch =
        CompletableFuture.supplyAsync(
            () ->
                StationCommand.execute(
                    new String[] {
                      "batch",
                      "--dossiers",
                      dossiers.toString(),
                      "--token",
                      BatchCommand.SIMULATED_BATCH,
                      "--pin-file",
                      pin.toString(),
                      "--new-pin-file",
                      HolderPins.file(dir),
                      "--algorithm",
                      "p256",
                      "--data-dir",
                      dir.resolve("data").toString(),
                      "--json",
                      "--timeout",
                      "30"
                    },
                    new PrintWriter(out),
                    new PrintWriter(err)));
    awaitLine(err, batch, "1/2 DOS-P1: waiting for a card");
    try (SimulatedCard card = SimulatedCard.insert(otherPin)) {
      awaitLine(err, batch, "1/2 DOS-P1 card ");
    }
    awaitLine(err, batch, "2/2 DOS-P2: waiting for a card");
    try (SimulatedCard card = SimulatedCard.insert()) {
      awaitLine(err, batch, "2/2 DOS-P2 card ");
    }
    int code = batch.get(60, TimeUnit.SECONDS);

    assertEquals(1, code, err.toString());
    String progress = err.toString();
    assertTrue(
        progress.matches("(?s).*1/2 DOS-P1 card Station simulated card \\d+: failed: .*PIN.*"),
        progress);
    assertTrue(
        progress.matches("(?s).*2/2 DOS-P2 card [0-9a-f]+(\\.\\.\\.)?: done in .*"), progress);
    JsonNode summary = EnrollmentFile.mapper().readTree(out.toString());
    assertEquals(1, summary.get("failed").asInt());
    JsonNode tokenError = summary.get("dossiers").get(0).get("tokenError");
    assertEquals("WRONG_PIN", tokenError.get("kind").asText(), summary.toString());
    assertEquals("Code PIN erroné : il reste 2 essais.", tokenError.get("fr").asText());
    assertEquals("Wrong PIN: 2 tries left.", tokenError.get("en").asText());
  }

  // CHANGE REFERENCE DATA of the PIV PIN (SP 800-73-4, part 2, 3.2.2), each PIN padded with FF.
  private static void changePin(SimulatedCard card, String old, String fresh) throws Exception {
    card.transmit(HexFormat.of().parseHex("00A4040005A000000308"));
    byte[] command = new byte[5 + 16];
    System.arraycopy(HexFormat.of().parseHex("0024008010"), 0, command, 0, 5);
    Arrays.fill(command, 5, command.length, (byte) 0xFF);
    byte[] oldBytes = old.getBytes(StandardCharsets.US_ASCII);
    byte[] freshBytes = fresh.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(oldBytes, 0, command, 5, oldBytes.length);
    System.arraycopy(freshBytes, 0, command, 13, freshBytes.length);
    byte[] response = card.transmit(command);
    assertEquals(
        0x9000,
        ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF));
  }

  @Test
  void stopsWhenNoCardComesAndSkipsTheRest() throws Exception {
    Path dossiers = dir.resolve("dossiers.json");
    LocalDateTime now = LocalDateTime.now();
    Files.writeString(
        dossiers,
        "["
            + json(withId(SampleEnrollment.at(now), "DOS-C1"))
            + ",{\"not\":\"a dossier\"},"
            + json(withId(SampleEnrollment.at(now), "DOS-C3"))
            + "]");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        StationCommand.execute(
            new String[] {
              "batch",
              "--dossiers",
              dossiers.toString(),
              "--token",
              "simulated-batch",
              "--pin-file",
              HolderPins.secretFile(dir.resolve("pin"), "123456\n").toString(),
              "--new-pin-file",
              HolderPins.file(dir),
              "--data-dir",
              dir.resolve("data").toString(),
              "--timeout",
              "1"
            },
            new PrintWriter(out),
            new PrintWriter(err));

    assertEquals(1, code, err.toString());
    String text = out.toString();
    assertTrue(
        text.contains("Batch: 3 dossier(s), 0 enrolled, 0 refused, 1 failed, 2 skipped"), text);
    assertTrue(text.contains("1/3 DOS-C1: skipped: no card came within 1 s; batch stopped"), text);
    assertTrue(text.contains("dossiers.json[1]: failed: "), text);
    assertTrue(text.contains("3/3 DOS-C3: skipped: no card came within 1 s"), text);
  }

  @Test
  void refusesAPkcs11SlotSelectorSinceABatchTakesEverySlot() throws Exception {
    Path dossiers =
        Files.writeString(
            dir.resolve("dossiers.json"),
            "[" + json(withId(SampleEnrollment.at(LocalDateTime.now()), "DOS-S1")) + "]");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        StationCommand.execute(
            new String[] {
              "batch",
              "--dossiers",
              dossiers.toString(),
              "--token",
              "pkcs11:/usr/lib/softhsm/libsofthsm2.so;token=holder",
              "--data-dir",
              dir.resolve("data").toString()
            },
            new PrintWriter(out),
            new PrintWriter(err));

    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("name no slot=, token= or index="), err.toString());
    assertTrue(out.toString().isEmpty(), out.toString());
  }

  private static void awaitLine(
      StringWriter progress, CompletableFuture<Integer> batch, String line)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!progress.toString().contains(line)) {
      if (batch.isDone() || System.nanoTime() > deadline) {
        throw new AssertionError("no '" + line + "' in:\n" + progress);
      }
      Thread.sleep(20);
    }
  }

  private static Enrollment withId(Enrollment sample, String id) {
    Dossier d = sample.dossier();
    return new Enrollment(
        new Dossier(
            id, d.orderReference(), d.product(), d.validityYears(), d.holder(), d.company()),
        sample.meeting());
  }

  private static Enrollment expiredId(Enrollment sample) {
    MeetingRecord m = sample.meeting();
    LocalDate expired = m.heldAt().toLocalDate().minusYears(1);
    IdentityDocument document = m.identityDocument();
    return new Enrollment(
        sample.dossier(),
        m.withIdentityDocument(
            new IdentityDocument(
                document.type(), document.number(), document.issuingState(), expired),
            SampleEnrollment.mrzExpiring(expired)));
  }

  private static String json(Enrollment enrollment) {
    return EnrollmentFile.toJson(enrollment);
  }

  private static String sqlite(Path db, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
