package fr.aed.station.app.officer;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.TokenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The officer's arrival at the station: at first run, their profile and their card are recorded
 * (the card's key-management certificate registered, identities sealed for it from then on); at
 * later runs, their card is opened with their PIN for the session.
 */
public final class OfficerSignIn {

  /** The credential specification of the demonstration officer card (testers' mode). */
  public static final String DEMO = "demo";

  private final Path databaseFile;
  private final Clock clock;

  public OfficerSignIn(Path databaseFile, Clock clock) {
    this.databaseFile = databaseFile;
    this.clock = clock;
  }

  /**
   * The officer recorded at first run, if any; none, and nothing created, where the station has no
   * database yet.
   *
   * @throws StoreException if the database cannot be read
   */
  public Optional<OfficerProfile> recorded() throws StoreException {
    // A station's first start: the database is made when the officer is recorded, not before the
    // first screen (making it, its schema included, was most of that screen's wait).
    if (!Files.exists(databaseFile)) {
      return Optional.empty();
    }
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return new OfficerProfiles(store).load();
    }
  }

  /**
   * Opens the officer's card and records the officer with it; the open credential is returned for
   * the session.
   *
   * @throws TokenException if the card cannot be opened, refuses the PIN, or has no key-management
   *     certificate (identities could not be sealed for it)
   * @throws PinUnavailableException if no PIN was given
   * @throws StoreException if the database cannot be written
   */
  public OfficerCredential register(OfficerProfile profile, PinSource pin)
      throws TokenException, PinUnavailableException, StoreException, OfficerMismatchException {
    OfficerCredential credential = open(profile, pin);
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      MeetingOfficer.requireIssuedTo(credential.certificate(), profile.officer());
      new OfficerProfiles(store).save(profile, clock.instant());
      new OfficerKeyring(store).register(credential.keyManagement(), clock.instant());
      return credential;
    } catch (StoreException | OfficerMismatchException | RuntimeException e) {
      credential.close();
      throw e;
    }
  }

  /**
   * Opens the recorded officer's card with their PIN for the session; a new card's key-management
   * certificate is registered (meetings sealed for the previous card still need that card).
   *
   * @throws TokenException if the card cannot be opened or refuses the PIN (tries left said)
   * @throws PinUnavailableException if no PIN was given
   * @throws StoreException if the database cannot be written
   */
  public OfficerCredential unlock(OfficerProfile profile, PinSource pin)
      throws TokenException, PinUnavailableException, StoreException, OfficerMismatchException {
    OfficerCredential credential = open(profile, pin);
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      MeetingOfficer.requireIssuedTo(credential.certificate(), profile.officer());
      new OfficerKeyring(store).register(credential.keyManagement(), clock.instant());
      return credential;
    } catch (StoreException | OfficerMismatchException | RuntimeException e) {
      credential.close();
      throw e;
    }
  }

  private OfficerCredential open(OfficerProfile profile, PinSource pin)
      throws TokenException, PinUnavailableException {
    Officer officer = profile.officer();
    OfficerCredential credential =
        OfficerCredentials.open(
            profile.credential(), officer, pin, databaseFile.resolveSibling("demo-officer"));
    if (credential.keyManagement() == null) {
      credential.close();
      throw new TokenException(
          "the officer's card holds no key-management certificate (PIV slot 9D, RSA):"
              + " identity documents could not be sealed for it");
    }
    return credential;
  }
}
