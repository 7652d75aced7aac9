package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateAuthority.CmpSettings;
import fr.aed.station.app.certificate.CertificateAuthorityException;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.crypto.cmp.CmpClient;
import fr.aed.station.crypto.cmp.CmpProtection;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The certificate authority the station talks to (its configuration beside the database, or {@code
 * --authority FILE}) and the CMP protection: the shared secret it gave, or the officer's card.
 */
final class AuthorityOptions {

  @Option(
      names = "--authority",
      paramLabel = "FILE",
      description =
          "The certificate authority's configuration (default: "
              + CertificateAuthority.STATION_FILE
              + " beside the database).")
  Path file;

  @Option(
      names = "--secret-env",
      paramLabel = "VAR",
      description =
          "CMP with a shared secret: read the secret the authority gave from this environment"
              + " variable (else it is asked).")
  String secretEnv;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description = "CMP with a shared secret: read it from this file (mode 600).")
  Path secretFile;

  private char[] secret;

  /** Checks the secret's source before anything is sent. */
  void check() {
    PinOptions.checkSecret(secretEnv, secretFile, "--secret", SecretSources.Format.PRINTABLE);
  }

  /**
   * The authority's configuration.
   *
   * @throws StationCommandException if it is missing or wrong
   */
  CertificateAuthority authority(DataDirectory data) {
    try {
      return file != null
          ? CertificateAuthority.read(file)
          : CertificateAuthority.forStation(data.database());
    } catch (CertificateAuthorityException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  /** The authority's CMP settings; a usage error when it takes no CMP. */
  static CmpSettings cmp(CertificateAuthority authority) {
    return authority
        .cmp()
        .orElseThrow(
            () ->
                new StationCommandException(
                    authority.file()
                        + " gives no CMP server: the authority sends certificates otherwise"
                        + " (`station certificate install --certificate FILE`)"));
  }

  /**
   * A CMP client protected as the authority asks. The secret is wiped when the client is done.
   *
   * @throws StationCommandException if the protection needs the officer's card and none is given,
   *     or the secret cannot be read
   */
  CmpClient client(CertificateAuthority authority, OfficerCredential officer) {
    CmpSettings settings = cmp(authority);
    return new CmpClient(
        authority.endpoint(settings), protection(settings, officer), Clock.systemUTC());
  }

  private CmpProtection protection(CmpSettings settings, OfficerCredential officer) {
    if (settings.protection() == CertificateAuthority.Protection.OFFICER_SIGNATURE) {
      if (officer == null) {
        throw new StationUsageException(
            "the authority takes requests signed by the officer's card: give --officer");
      }
      return new CmpProtection.Signature(officer.key(), officer.certificate(), officer.chain());
    }
    try {
      wipe();
      secret =
          PinOptions.secret(
                  secretEnv,
                  secretFile,
                  "--secret",
                  SecretSources.Format.PRINTABLE,
                  () -> PinOptions.prompt("Secret donné par l'autorité de certification : "))
              .read();
      return new CmpProtection.SharedSecret(settings.reference(), secret);
    } catch (PinUnavailableException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  /** Wipes the secret read, if any. */
  void wipe() {
    if (secret != null) {
      java.util.Arrays.fill(secret, '\0');
      secret = null;
    }
  }
}
