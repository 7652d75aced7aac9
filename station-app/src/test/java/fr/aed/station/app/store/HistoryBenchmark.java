package fr.aed.station.app.store;

import fr.aed.station.app.cli.StationCommand;
import fr.aed.station.crypto.journal.JournalChain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: listing, searching and verifying the journal over a large generated
 * history. Run with {@code scripts/bench-history [COUNT] [DIR] [reuse]}; prints a table of timings.
 */
public final class HistoryBenchmark {

  private static final int RUNS = 5;

  private HistoryBenchmark() {}

  /**
   * Arguments: the number of interventions (default 1,000,000), the folder for the database, and
   * {@code reuse} to measure a database generated before instead of generating a new one.
   */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("bench-history");
    Path db = folder.resolve("station.db");
    boolean reuse = args.length > 2 && args[2].equals("reuse") && Files.exists(db);
    if (!reuse) {
      generate(db, count);
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      measure(store);
    }
    // The commands open the database themselves, as a user's command would: after the store above
    // is closed, so that it holds no lock.
    command(folder, "station list (CLI, latest 50)", "list");
    command(folder, "station list --holder dupont (CLI)", "list", "--holder", "dupont");
    // The generated history is sealed by an officer of the authority written beside it.
    Path trustList = folder.resolve("trust.pem");
    command(
        folder,
        "station journal verify (CLI)",
        "journal",
        "verify",
        "--trust-list",
        trustList.toString());
  }

  private static void generate(Path db, int count) throws Exception {
    Files.deleteIfExists(db);
    try (InterventionStore store = InterventionStore.open(db)) {
      // Schema created outside the timing; the generation alone is timed.
    }
    long started = System.nanoTime();
    try (InterventionStore store = InterventionStore.open(db)) {
      Instant end = Instant.parse("2026-01-01T00:00:00Z");
      new HistoryGenerator(store).generate(count, end);
      TestAuthority authority = TestAuthority.create("Bench CA");
      authority.writeTrustList(db.resolveSibling("trust.pem"));
      HistoryGenerator.seal(store, authority, end);
    }
    System.out.printf(
        Locale.ROOT,
        "generated %,d interventions in %.1f s into %s (%,d MB)%n",
        count,
        seconds(started),
        db,
        Files.size(db) / 1_000_000);
  }

  private static void measure(InterventionStore store) throws Exception {
    System.out.printf(
        "%-44s %10s %10s %10s %8s%n", "operation", "min ms", "median ms", "max ms", "rows");
    search(store, "list: latest 50", InterventionSearch.latest(50));
    search(store, "search holder 'lefevre' (common)", by("lefevre", null, null, null, null));
    search(store, "search holder 'zzzz' (no match)", by("zzzz", null, null, null, null));
    search(store, "search company 'boulangerie'", by(null, "boulangerie", null, null, null));
    search(store, "search company 'qqqq' (no match)", by(null, "qqqq", null, null, null));
    search(
        store,
        "search dates 2020-03-01..2020-03-31",
        by(null, null, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31), null));
    search(store, "search status FAILED", by(null, null, null, null, "FAILED"));
    search(store, "search status OPEN + holder 'martin'", by("martin", null, null, null, "OPEN"));
    time("journal verify, streamed", 3, () -> new JournalVerification(store).verify().entries());
    time(
        "journal verify, whole list (before)",
        1,
        () -> {
          var entries = store.journal();
          JournalChain.firstBrokenLink(entries, List.of()).ifPresent(b -> System.out.println(b));
          return entries.size();
        });
  }

  private static InterventionSearch by(
      String holder, String company, LocalDate from, LocalDate to, String status) {
    return new InterventionSearch(holder, company, from, to, status, 50);
  }

  private static void search(InterventionStore store, String name, InterventionSearch search)
      throws Exception {
    time(name, RUNS, () -> store.search(search).size());
  }

  private static void command(Path folder, String name, String... args) throws Exception {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data-dir";
    all[args.length + 1] = folder.toString();
    time(
        name,
        args[0].equals("journal") ? 1 : RUNS,
        () -> {
          StringWriter out = new StringWriter();
          int code = StationCommand.execute(all, new PrintWriter(out), new PrintWriter(out));
          if (code != 0) {
            throw new IllegalStateException(out.toString());
          }
          return out.toString().lines().count();
        });
  }

  private static void time(String name, int runs, Measured work) throws Exception {
    List<Double> millis = new ArrayList<>();
    long rows = 0;
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      rows = work.run();
      millis.add((System.nanoTime() - started) / 1e6);
    }
    millis.sort(null);
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.1f %10.1f %10.1f %8d%n",
        name,
        millis.get(0),
        millis.get(millis.size() / 2),
        millis.get(millis.size() - 1),
        rows);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  @FunctionalInterface
  private interface Measured {
    long run() throws Exception;
  }
}
