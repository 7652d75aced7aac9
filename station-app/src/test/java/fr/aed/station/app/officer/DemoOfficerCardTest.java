package fr.aed.station.app.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 10: two first runs at once on a fresh data folder end with one demonstration
 * officer card, the same for both, and one officer key registered.
 */
class DemoOfficerCardTest {

  private static final Officer OFFICER =
      SampleEnrollment.at(LocalDateTime.of(2026, 11, 20, 10, 0)).meeting().officer();

  @TempDir Path dir;

  @Test
  void twoThreadsIssueOneCard() throws Exception {
    Path folder = dir.resolve("demo-officer");
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<String> firstRun =
          () -> {
            together.await(60, TimeUnit.SECONDS);
            try (OfficerCredential card = DemoOfficerCard.open(folder, OFFICER)) {
              register(card);
              return OfficerKeyring.fingerprint(card.keyManagement());
            }
          };
      Future<String> one = threads.submit(firstRun);
      Future<String> other = threads.submit(firstRun);

      assertEquals(one.get(120, TimeUnit.SECONDS), other.get(120, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
    assertEquals(1, officerKeys(), "one officer key registered");
    assertOneWholeCard(folder);
  }

  @Test
  void twoProcessesIssueOneCard() throws Exception {
    Path folder = dir.resolve("demo-officer");
    Path start = dir.resolve("start");
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Process process = child(folder, start, i);
        processes.add(process);
        outputs.add(
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader output : outputs) {
        assertEquals("ready", output.readLine());
      }
      Files.createFile(start);
      List<String> fingerprints = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        fingerprints.add(outputs.get(i).readLine());
        assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "run " + i + " ended");
        assertEquals(0, processes.get(i).exitValue(), Files.readString(errors(i)));
      }

      assertEquals(fingerprints.get(0), fingerprints.get(1));
      assertTrue(fingerprints.get(0).matches("[0-9a-f]{64}"), fingerprints.get(0));
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    try (OfficerCredential card = DemoOfficerCard.open(folder, OFFICER)) {
      register(card);
    }
    assertEquals(1, officerKeys());
    assertOneWholeCard(folder);
  }

  private Process child(Path folder, Path start, int index) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            DemoOfficerCardRun.class.getName(),
            folder.toString(),
            start.toString())
        .redirectError(errors(index).toFile())
        .start();
  }

  private Path errors(int index) {
    return dir.resolve("run-" + index + ".err");
  }

  private void register(OfficerCredential card) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      new OfficerKeyring(store).register(card.keyManagement(), Instant.now());
    }
  }

  private long officerKeys() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM officer_key")) {
      row.next();
      return row.getLong(1);
    }
  }

  // The card, its authority and the lock (mode 600), nothing left half-written.
  private static void assertOneWholeCard(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          List.of("authority.pem", "officer-card.lock", "officer-card.state"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(folder.resolve(DemoCardLock.LOCK_FILE))));
  }
}
