package fr.aed.station.app.cli;

import fr.aed.station.app.enrollment.PinSource;
import fr.aed.station.app.enrollment.PinUnavailableException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the holder's PIN comes from: an environment variable or a file named by an option, or the
 * terminal's prompt. Never the command line itself.
 */
final class PinOptions {

  @Option(
      names = "--pin-env",
      paramLabel = "VAR",
      description = "Read the PIN from this environment variable.")
  String pinEnv;

  @Option(
      names = "--pin-file",
      paramLabel = "FILE",
      description = "Read the PIN from the first line of this file.")
  Path pinFile;

  PinSource source() {
    if (pinEnv != null) {
      return this::fromEnvironment;
    }
    if (pinFile != null) {
      return this::fromFile;
    }
    return PinOptions::fromConsole;
  }

  private char[] fromEnvironment() throws PinUnavailableException {
    String value = System.getenv(pinEnv);
    if (value == null || value.isEmpty()) {
      throw new PinUnavailableException("the environment variable " + pinEnv + " is not set");
    }
    return value.toCharArray();
  }

  private char[] fromFile() throws PinUnavailableException {
    try (BufferedReader reader = Files.newBufferedReader(pinFile, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new PinUnavailableException("the PIN file " + pinFile + " is empty");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new PinUnavailableException("cannot read the PIN file " + pinFile);
    }
  }

  private static char[] fromConsole() throws PinUnavailableException {
    Console console = System.console();
    if (console == null) {
      throw new PinUnavailableException(
          "no terminal to ask the PIN: give --pin-env VAR or --pin-file FILE");
    }
    char[] pin = console.readPassword("Code PIN du titulaire : ");
    if (pin == null || pin.length == 0) {
      throw new PinUnavailableException("no PIN entered");
    }
    return pin;
  }
}
