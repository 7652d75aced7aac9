package fr.aed.station.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code station submit} and {@code station certificate fetch} are given: the meeting, how
 * long to wait, whether the holder is there to accept, the authority and its protection.
 */
final class ExchangeOptions {

  @Parameters(paramLabel = "INTERVENTION", description = "The intervention.")
  String interventionId;

  @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the output.")
  String language;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "While the authority says it issues later, ask again after the delay it gives, for up"
              + " to this many seconds (default: ${DEFAULT-VALUE}, ask once).")
  int waitSeconds;

  @Option(
      names = "--holder-accepts",
      description =
          "The holder is present, read the certificate's content shown and accepts it: the"
              + " acceptance is recorded and told to the authority in the same exchange.")
  boolean holderAccepts;

  @Mixin AuthorityOptions authority;
  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;

  /** Runs the exchange, the request sent when {@code submit} says, and gives its exit code. */
  int run(boolean submit, java.io.PrintWriter out) {
    CertificateLines lines = new CertificateLines(language, out);
    return new AuthorityExchange(authority, officer, data, lines)
        .run(interventionId, submit, waitSeconds, holderAccepts);
  }
}
