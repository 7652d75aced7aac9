package fr.aed.station.app.cli;

import java.util.List;

/**
 * The options of a command that records meetings, checked in one step before the meeting opens: the
 * data and output folders, every secret given by a variable or a file, and the token. A usage error
 * found later would leave an open meeting recorded for nothing.
 */
final class EnrollmentPreflight {

  private EnrollmentPreflight() {}

  /**
   * Checks everything that can be checked without the holder's card or PIN.
   *
   * @param token the {@code --token} specification as given, or null when none was
   * @throws StationUsageException saying which option is wrong and what to do
   * @throws StationCommandException if a PKCS#11 module cannot list its tokens
   */
  static void check(
      DataDirectory data,
      EnrollmentOptions options,
      PinOptions pin,
      OfficerOptions officer,
      String token) {
    checkFoldersAndSecrets(data, options, pin, officer);
    TokenSpecCheck.check(token);
  }

  /** Like {@link #check}, for a batch whose tokens come later: the module is checked alone. */
  static void checkBatch(
      DataDirectory data,
      EnrollmentOptions options,
      PinOptions pin,
      OfficerOptions officer,
      String token) {
    checkFoldersAndSecrets(data, options, pin, officer);
    TokenSpecCheck.checkModule(token);
  }

  private static void checkFoldersAndSecrets(
      DataDirectory data, EnrollmentOptions options, PinOptions pin, OfficerOptions officer) {
    data.requireWritable();
    if (options.out != null) {
      WritableFolder.check(options.out, "--out", "the output folder");
    }
    if (pin != null) {
      pin.check();
    }
    if (officer != null) {
      officer.check();
    }
  }

  /** The value given to {@code option} on the command line, or null when it was not given. */
  static String given(picocli.CommandLine.Model.CommandSpec command, String option) {
    picocli.CommandLine.ParseResult parsed = command.commandLine().getParseResult();
    if (parsed == null || !parsed.hasMatchedOption(option)) {
      return null;
    }
    List<String> values = parsed.matchedOption(option).stringValues();
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }
}
