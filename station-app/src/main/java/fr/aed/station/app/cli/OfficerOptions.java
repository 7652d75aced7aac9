package fr.aed.station.app.cli;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.enrollment.PinUnavailableException;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerCredentials;
import fr.aed.station.token.TokenException;
import picocli.CommandLine.Option;

/** The officer's credential that signs sheets: {@code --officer} and where its PIN comes from. */
final class OfficerOptions {

  @Option(
      names = "--officer",
      paramLabel = "SPEC",
      description = {
        "The officer's card that signs the sheet: pcsc:<reader name part>, or demo for a",
        "demonstration card. Without it the sheet is left unsigned and the meeting open."
      })
  String officer;

  @Option(
      names = "--officer-pin-env",
      paramLabel = "VAR",
      description = "Read the officer's PIN from this environment variable (else it is asked).")
  String officerPinEnv;

  /** The credential, or null when none was asked for. */
  OfficerCredential open(Officer profile, DataDirectory data) {
    if (officer == null) {
      return null;
    }
    PinOptions pin = new PinOptions();
    pin.pinEnv = officerPinEnv;
    try {
      return OfficerCredentials.open(officer, profile, pin.source(), data.demoOfficer());
    } catch (IllegalArgumentException | TokenException | PinUnavailableException e) {
      throw new StationCommandException("officer's credential: " + e.getMessage(), e);
    }
  }
}
