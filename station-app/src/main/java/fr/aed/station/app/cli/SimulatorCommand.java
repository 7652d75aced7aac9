package fr.aed.station.app.cli;

import fr.aed.station.simulator.CardFaults;
import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.simulator.VirtualReaderBridge;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station simulator}: a simulated PIV card plugged into the running pcscd through Debian's
 * vpcd driver, until Ctrl-C or SIGTERM pulls it out.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Plugs a simulated PIV card into the running pcscd, through the vpcd reader driver"
          + " (package vsmartcard-vpcd), so that every PC/SC tool reaches it as a real card.",
      "Ctrl-C or SIGTERM pulls the card out and ends the command.",
      "Without --state the card is fresh at every start (new serial and keys, default PIN"
          + " 123456, PUK 12345678 and management key 010203...08).",
      "The card is as strict as the real card its --profile names: each key's PIN policy is"
          + " enforced (9A and 9D once per session, 9C right before every signature, 9E never)."
    })
final class SimulatorCommand implements Runnable {

  @Option(
      names = "--reader-port",
      defaultValue = "35963",
      description = "vpcd's TCP port: 35963 is its first reader, 35964 the second (default 35963)")
  int readerPort;

  @Option(
      names = "--connect-timeout",
      defaultValue = "30",
      description = "seconds to wait for vpcd to listen (default 30)")
  int connectTimeoutSeconds;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = {
        "the real card the simulated one behaves as: yubikey-5.7 (the default for a new card:"
            + " AES-192 factory management key, RSA-3072, no CHUID nor CCC until written),"
            + " yubikey-5.4 (3DES factory management key, no RSA-3072) or piv (a plain"
            + " SP 800-73-4 card: 6D00 to Yubico's commands, CHUID and CCC from the factory).",
        "A card kept with --state keeps the profile it was made with; naming another one is"
            + " refused."
      })
  String profileName;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = {
        "keep the card in FILE: its keys, PIN, PUK, tries left, management key, certificates and"
            + " serial come back at the next start; FILE is created if missing and rewritten"
            + " (mode 600) after every command that changes the card.",
        "FILE holds the private keys and PINs of a TEST card in clear: never put a real secret"
            + " in it."
      })
  Path stateFile;

  @Option(
      names = "--pull-after",
      defaultValue = "0",
      paramLabel = "N",
      description = "fault: pull the card out instead of answering APDU N + 1")
  long pullAfter;

  @Option(
      names = "--pull-during-keygen",
      description = "fault: pull the card out during its first key generation")
  boolean pullDuringKeyGeneration;

  @Option(
      names = "--pull-during-signing",
      description = "fault: pull the card out when it is asked to sign with a key (the request)")
  boolean pullDuringSigning;

  @Option(
      names = "--slow-keygen",
      defaultValue = "0",
      paramLabel = "MS",
      description = "fault: add MS milliseconds to every key generation")
  long slowKeyGenerationMillis;

  @Option(
      names = "--answer",
      paramLabel = "INS=SW",
      description =
          "fault: answer every command with this INS (hex) with this status word (hex),"
              + " e.g. --answer 47=6A80; repeatable")
  Map<String, String> answers = new HashMap<>();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter err = spec.commandLine().getErr();
    CardFaults faults = faults();
    try (SimulatedCard card = insertCard()) {
      VirtualReaderBridge bridge = new VirtualReaderBridge(card, faults);
      // On SIGTERM the JVM halts as soon as the hooks are done: the hook says it itself, or waits
      // for the main thread to have said it, and only one of them does.
      AtomicBoolean reported = new AtomicBoolean();
      CountDownLatch said = new CountDownLatch(1);
      Runnable report =
          () -> {
            if (reported.compareAndSet(false, true)) {
              err.printf("simulated card removed after %d APDUs%n", bridge.apduCount());
              err.flush();
              said.countDown();
            }
          };
      Thread pullOut =
          new Thread(
              () -> {
                try {
                  pullOut(bridge, err);
                } finally {
                  report.run();
                  awaitQuietly(said);
                }
              },
              "simulated card removal");
      Runtime.getRuntime().addShutdownHook(pullOut);
      bridge.run(
          "127.0.0.1",
          readerPort,
          Duration.ofSeconds(connectTimeoutSeconds),
          () -> {
            err.printf(
                "simulated PIV card inserted in the vpcd reader on port %d; Ctrl-C removes it%n",
                readerPort);
            err.flush();
          });
      report.run();
    } catch (IOException e) {
      throw new StationCommandException(
          "the simulated card could not stay in the reader: "
              + e.getMessage()
              + " (is pcscd running with the vpcd driver?)");
    } catch (UncheckedIOException e) {
      throw new StationCommandException(e.getMessage() + ": " + e.getCause().getMessage());
    }
  }

  private static void awaitQuietly(CountDownLatch said) {
    try {
      said.await(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final long REPORT_WAIT_SECONDS = 5;

  private SimulatedCard insertCard() {
    CardProfile profile = profile();
    if (stateFile == null) {
      return SimulatedCard.insert(profile == null ? CardProfile.DEFAULT : profile);
    }
    try {
      return profile == null
          ? SimulatedCard.insert(stateFile)
          : SimulatedCard.insert(profile, stateFile);
    } catch (IOException e) {
      throw new StationCommandException("the card state file " + stateFile + ": " + e);
    } catch (IllegalArgumentException e) {
      throw new StationCommandException(e.getMessage());
    }
  }

  // The profile named by --profile; null when none is, so that a state file keeps its own.
  private CardProfile profile() {
    if (profileName == null) {
      return null;
    }
    try {
      return CardProfile.fromId(profileName);
    } catch (IllegalArgumentException e) {
      throw new StationCommandException("--profile: " + e.getMessage());
    }
  }

  private static void pullOut(VirtualReaderBridge bridge, PrintWriter err) {
    try {
      bridge.close();
    } catch (IOException e) {
      err.println("closing the reader connection failed: " + e.getMessage());
      err.flush();
    }
  }

  private CardFaults faults() {
    Map<Integer, Integer> forced = new HashMap<>();
    answers.forEach(
        (ins, sw) -> {
          try {
            forced.put(HexFormat.fromHexDigits(ins), HexFormat.fromHexDigits(sw));
          } catch (IllegalArgumentException e) {
            throw new StationCommandException("--answer takes INS=SW in hex, e.g. 47=6A80");
          }
        });
    return new CardFaults(
        pullAfter,
        pullDuringKeyGeneration,
        pullDuringSigning,
        Duration.ofMillis(slowKeyGenerationMillis),
        forced);
  }
}
