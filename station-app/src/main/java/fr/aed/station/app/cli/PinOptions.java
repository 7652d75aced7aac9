package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.NewPinRefusedException;
import fr.aed.station.app.enrollment.PinSource;
import fr.aed.station.app.enrollment.PinUnavailableException;
import fr.aed.station.app.rules.HolderPinRules;
import fr.aed.station.token.piv.ManagementKey;
import fr.aed.station.token.piv.ManagementKeyAlgorithm;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The holder's card secrets: the card's current PIN, the PIN the holder chooses, and the card's
 * management key when it is not the factory one. Each from an environment variable or a file named
 * by an option, or typed at the terminal; never the command line itself.
 */
final class PinOptions {

  // A PIN is 8 characters, a management key 64 hex digits: anything longer is not one (and a
  // file such as /dev/zero must not be read whole).
  private static final int MAX_SECRET = 128;

  @Option(
      names = "--pin-env",
      paramLabel = "VAR",
      description =
          "Read the card's current PIN from this environment variable (the factory or transport"
              + " PIN; the holder's own PIN when resuming after it was changed).")
  String pinEnv;

  @Option(
      names = "--pin-file",
      paramLabel = "FILE",
      description = "Read the card's current PIN from the first line of this file.")
  Path pinFile;

  @Option(
      names = "--new-pin-env",
      paramLabel = "VAR",
      description =
          "Read the PIN the holder chooses (6 to 8 digits) from this environment variable;"
              + " without it or --new-pin-file the holder types it twice at the terminal.")
  String newPinEnv;

  @Option(
      names = "--new-pin-file",
      paramLabel = "FILE",
      description = "Read the PIN the holder chooses from the first line of this file.")
  Path newPinFile;

  @Option(
      names = "--management-key-env",
      paramLabel = "VAR",
      description =
          "PIV cards: the card's management key in hex (48 digits for 3DES or AES-192), from this"
              + " environment variable, when it is neither the factory key nor kept behind the"
              + " PIN.")
  String managementKeyEnv;

  @Option(
      names = "--management-key-file",
      paramLabel = "FILE",
      description =
          "PIV cards: the card's management key in hex, from the first line of this file.")
  Path managementKeyFile;

  @Option(
      names = "--ask-management-key",
      description =
          "PIV cards: type the card's management key in hex at the terminal (it is not echoed).")
  boolean askManagementKey;

  @Option(
      names = "--keep-management-key",
      description =
          "PIV cards: leave the card's management key as it is (for a CA that manages its cards'"
              + " keys); by default a factory key is replaced by a random one the card keeps"
              + " behind the holder's PIN.")
  boolean keepManagementKey;

  /** The card's current PIN. */
  PinSource source() {
    return secret(pinEnv, pinFile, "--pin", () -> prompt("Code PIN actuel de la carte : "));
  }

  /** The holder's new PIN and what else the meeting does to the card. */
  CardSetup setup() {
    PinSource chosen = secret(newPinEnv, newPinFile, "--new-pin", PinOptions::typedTwice);
    return new CardSetup(chosen, !keepManagementKey);
  }

  /**
   * {@code token}, opened with the management key given, if any.
   *
   * @throws StationCommandException if the key cannot be read or is not a key
   */
  TokenConnector connector(TokenConnector token) {
    Optional<ManagementKey> key = managementKey();
    try {
      return key.isPresent() ? token.withManagementKey(key.get()) : token;
    } catch (IllegalArgumentException e) {
      throw new StationCommandException("--management-key: " + e.getMessage(), e);
    }
  }

  private Optional<ManagementKey> managementKey() {
    if (managementKeyEnv == null && managementKeyFile == null && !askManagementKey) {
      return Optional.empty();
    }
    char[] hex = null;
    byte[] bytes = null;
    try {
      hex =
          secret(
                  managementKeyEnv,
                  managementKeyFile,
                  "--management-key",
                  () -> prompt("Clé d'administration de la carte (hexadécimal) : "))
              .read();
      bytes = HexFormat.of().parseHex(new String(hex).strip());
      return Optional.of(new ManagementKey(ManagementKeyAlgorithm.forLength(bytes.length), bytes));
    } catch (PinUnavailableException e) {
      throw new StationCommandException("--management-key: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new StationCommandException(
          "--management-key: not a management key: give 32, 48 or 64 hex digits", e);
    } finally {
      if (hex != null) {
        Arrays.fill(hex, '\0');
      }
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  static PinSource secret(String variable, Path file, String option, PinSource typed) {
    if (variable != null) {
      return () -> fromEnvironment(variable);
    }
    if (file != null) {
      return () -> fromFile(file);
    }
    if (typed == null) {
      return () -> {
        throw new PinUnavailableException(
            "give " + option + "-env VAR or " + option + "-file FILE");
      };
    }
    return typed;
  }

  private static char[] fromEnvironment(String variable) throws PinUnavailableException {
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new PinUnavailableException("the environment variable " + variable + " is not set");
    }
    if (value.length() > MAX_SECRET) {
      throw new PinUnavailableException("the environment variable " + variable + " is too long");
    }
    return value.toCharArray();
  }

  // The first line, read byte by byte up to MAX_SECRET: never more of the file enters memory.
  private static char[] fromFile(Path file) throws PinUnavailableException {
    byte[] line = new byte[MAX_SECRET];
    int length = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int next;
      while ((next = in.read()) >= 0 && next != '\n' && next != '\r') {
        if (length == MAX_SECRET) {
          throw new PinUnavailableException("the first line of " + file + " is too long");
        }
        line[length++] = (byte) next;
      }
      if (length == 0) {
        throw new PinUnavailableException("the first line of " + file + " is empty");
      }
      char[] secret = new char[length];
      for (int i = 0; i < length; i++) {
        if (line[i] < 0x20 || line[i] > 0x7E) {
          throw new PinUnavailableException("the first line of " + file + " is not plain text");
        }
        secret[i] = (char) line[i];
      }
      return secret;
    } catch (IOException e) {
      throw new PinUnavailableException("cannot read " + file);
    } finally {
      Arrays.fill(line, (byte) 0);
    }
  }

  static char[] prompt(String question) throws PinUnavailableException {
    Console console = System.console();
    if (console == null) {
      throw new PinUnavailableException(
          "no terminal to ask the PIN: give --pin-env VAR or --pin-file FILE"
              + " (and --new-pin-env VAR or --new-pin-file FILE)");
    }
    char[] pin = console.readPassword(question);
    if (pin == null || pin.length == 0) {
      throw new PinUnavailableException("no PIN entered");
    }
    return pin;
  }

  private static char[] typedTwice() throws PinUnavailableException {
    char[] chosen = prompt("Nouveau code PIN choisi par le titulaire (6 à 8 chiffres) : ");
    char[] again = prompt("Le même code PIN, une seconde fois : ");
    try {
      Optional<HolderPinRules.Problem> problem = HolderPinRules.check(chosen, again, null);
      if (problem.isPresent()) {
        Arrays.fill(chosen, '\0');
        throw new NewPinRefusedException(problem.get());
      }
      return chosen;
    } finally {
      Arrays.fill(again, '\0');
    }
  }
}
