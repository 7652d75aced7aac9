package fr.aed.station.app.officer;

import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import fr.aed.station.crypto.trust.TrustListException;
import fr.aed.station.crypto.trust.TrustedAuthority;
import fr.aed.station.token.TokenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Whom the station trusts to certify officers when nobody names a trust list: the list kept in the
 * officer's configuration folder (outside the data folder, which could otherwise vouch for its own
 * seals), and in testers' mode the data folder's demonstration authority, which proves nothing.
 */
public final class StationTrust {

  private StationTrust() {}

  /** {@code $XDG_CONFIG_HOME/aed-station/trust-list.pem} (or under ~/.config), if it exists. */
  public static Optional<Path> standardListFile() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    Path standard = base.resolve("aed-station").resolve("trust-list.pem");
    return Files.exists(standard) ? Optional.of(standard) : Optional.empty();
  }

  /**
   * The standard trust list, with the demonstration authority of {@code demoFolder} in testers'
   * mode (when that card was ever used); trusting nobody when there is neither.
   *
   * @throws TrustListException if the standard trust list cannot be read
   * @throws TokenException if the demonstration card's folder cannot be read
   */
  public static SignerTrust standard(Path demoFolder, boolean testersMode)
      throws TrustListException, TokenException {
    TrustList list = TrustList.empty();
    Optional<Path> file = standardListFile();
    if (file.isPresent()) {
      list = TrustList.read(file.get());
    }
    if (testersMode) {
      Optional<X509Certificate> demo = DemoOfficerCard.authority(demoFolder);
      if (demo.isPresent()) {
        list = list.with(new TrustedAuthority(demo.get(), true));
      }
    }
    return new SignerTrust(list);
  }
}
