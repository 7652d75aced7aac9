package fr.aed.station.app.cli;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerCredentials;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
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

  /**
   * Checks, before anything is recorded, the officer's PIN variable when one is named.
   *
   * @throws StationUsageException if it is unset, empty or not a PIN
   */
  void check() {
    PinOptions.checkSecret(officerPinEnv, null, "--officer-pin", SecretSources.Format.DIGITS);
  }

  /** The credential, or null when none was asked for. */
  OfficerCredential open(Officer profile, DataDirectory data) {
    if (officer == null) {
      return null;
    }
    PinSource pin =
        PinOptions.secret(
            officerPinEnv,
            null,
            "--officer-pin",
            SecretSources.Format.DIGITS,
            () -> PinOptions.prompt("Code PIN de la carte de l'opérateur : "));
    try {
      return OfficerCredentials.open(officer, profile, pin, data.demoOfficer());
    } catch (IllegalArgumentException | TokenException | PinUnavailableException e) {
      throw new StationCommandException("officer's credential: " + e.getMessage(), e);
    }
  }
}
