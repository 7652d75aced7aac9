package fr.aed.station.app.cli;

import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.StationTrust;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import fr.aed.station.crypto.trust.TrustListException;
import fr.aed.station.crypto.trust.TrustedAuthority;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say whom the station trusts to certify officers: a trust list kept outside the
 * data folder (whoever can write the data folder could otherwise vouch for their own seals), the
 * revocation lists to apply, and for a demonstration station its demonstration authority.
 */
final class TrustOptions {

  static final String NO_TRUST_LIST =
      "give --trust-list FILE (the certificates of the authorities that issue officers' cards),"
          + " or --demo on a demonstration station";

  @Option(
      names = "--trust-list",
      paramLabel = "FILE",
      description =
          "PEM file of the certificates of the authorities that issue officers' certificates"
              + " (default: $XDG_CONFIG_HOME/aed-station/trust-list.pem, if it exists).")
  Path trustList;

  @Option(
      names = "--crl",
      paramLabel = "FILE",
      description = "A revocation list (DER or PEM) of an authority of the trust list; repeatable.")
  List<Path> revocationLists = new ArrayList<>();

  @Option(
      names = "--demo",
      description =
          "Also trust this data folder's demonstration authority: demonstration signatures prove"
              + " nothing.")
  boolean demo;

  /**
   * The trust the options describe; without any authority it trusts nothing ({@link
   * SignerTrust#checks()} is false).
   *
   * @throws StationUsageException if a file named cannot be read or does not fit
   */
  SignerTrust trust(DataDirectory data) {
    try {
      TrustList list = TrustList.empty();
      Optional<Path> file = trustListFile();
      if (file.isPresent()) {
        list = TrustList.read(file.get());
      }
      if (demo) {
        list = list.with(new TrustedAuthority(demoAuthority(data), true));
      }
      if (!revocationLists.isEmpty() && list.isEmpty()) {
        throw new StationUsageException("--crl needs a trust list: " + NO_TRUST_LIST);
      }
      for (Path crl : revocationLists) {
        list = list.withRevocations(TrustList.readRevocationList(crl), crl.toString());
      }
      return new SignerTrust(list);
    } catch (TrustListException e) {
      throw new StationUsageException(e.getMessage(), e);
    }
  }

  private Optional<Path> trustListFile() {
    return trustList != null ? Optional.of(trustList) : StationTrust.standardListFile();
  }

  private static X509Certificate demoAuthority(DataDirectory data) {
    try {
      return DemoOfficerCard.authority(data.demoOfficer())
          .orElseThrow(
              () ->
                  new StationUsageException(
                      "--demo: "
                          + data.demoOfficer()
                          + " holds no demonstration authority (the demonstration card was never"
                          + " used with this data folder)"));
    } catch (TokenException e) {
      throw new StationUsageException(e.getMessage(), e);
    }
  }
}
