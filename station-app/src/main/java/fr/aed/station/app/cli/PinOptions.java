package fr.aed.station.app.cli;

import fr.aed.station.app.cli.SecretSources.Format;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.NewPinRefusedException;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.HolderPinRules;
import fr.aed.station.token.piv.ManagementKey;
import fr.aed.station.token.piv.ManagementKeyAlgorithm;
import java.io.Console;
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
      description =
          "Read the card's current PIN from this file (mode 600: the owner's only), which holds"
              + " the digits and at most one line end.")
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
      description =
          "Read the PIN the holder chooses from this file (mode 600), which holds the digits and"
              + " at most one line end.")
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
      description = "PIV cards: the card's management key in hex, from this file (mode 600).")
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
    return secret(
        pinEnv, pinFile, "--pin", Format.DIGITS, () -> prompt("Code PIN actuel de la carte : "));
  }

  /** The holder's new PIN and what else the meeting does to the card. */
  CardSetup setup() {
    PinSource chosen =
        secret(newPinEnv, newPinFile, "--new-pin", Format.DIGITS, PinOptions::typedTwice);
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
                  Format.HEX,
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

  /**
   * Reads, checks and wipes each secret given by a variable or a file, so that an unset, empty,
   * unsafe or malformed one is refused before the meeting opens and before the card is asked.
   * Secrets to be typed at the terminal are asked later, when the card needs them.
   *
   * @throws StationUsageException naming the option and what is wrong
   */
  void check() {
    checkSecret(pinEnv, pinFile, "--pin", Format.DIGITS);
    checkSecret(newPinEnv, newPinFile, "--new-pin", Format.DIGITS);
    checkSecret(managementKeyEnv, managementKeyFile, "--management-key", Format.HEX);
  }

  /**
   * Checks the secret given by {@code option}-env or {@code option}-file, if any.
   *
   * @throws StationUsageException naming the option and what is wrong
   */
  static void checkSecret(String variable, Path file, String option, Format format) {
    if (variable == null && file == null) {
      return;
    }
    if (variable != null && file != null) {
      throw new StationUsageException("give " + option + "-env or " + option + "-file, not both");
    }
    char[] secret = null;
    try {
      secret = secret(variable, file, option, format, null).read();
    } catch (PinUnavailableException e) {
      throw new StationUsageException(e.getMessage(), e);
    } finally {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
    }
  }

  static PinSource secret(
      String variable, Path file, String option, Format format, PinSource typed) {
    if (variable != null) {
      return () -> SecretSources.fromEnvironment(variable, option, format);
    }
    if (file != null) {
      return () -> SecretSources.fromFile(file, option, format);
    }
    if (typed == null) {
      return () -> {
        throw new PinUnavailableException(
            "give " + option + "-env VAR or " + option + "-file FILE");
      };
    }
    return typed;
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
