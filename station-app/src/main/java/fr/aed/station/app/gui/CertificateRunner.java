package fr.aed.station.app.gui;

import fr.aed.station.app.certificate.CardInstallation;
import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateAuthority.CmpSettings;
import fr.aed.station.app.certificate.CertificateAuthorityException;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.cmp.CmpClient;
import fr.aed.station.crypto.cmp.CmpProtection;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The certificate's return of a closed meeting, assembled for the window: the database opened for
 * each step, the authority's configuration beside it, the CMP client protected as the authority
 * asks (the secret the officer typed, or the officer's card), and the officer's card that seals the
 * journal once the certificate is on the holder's card.
 */
final class CertificateRunner {

  /** Where the holder accepts: the holder's screen. */
  static final String ACCEPTED_ON = "HOLDER_SCREEN";

  private final StationContext context;

  CertificateRunner(StationContext context) {
    this.context = context;
  }

  /**
   * The authority configured beside the database.
   *
   * @throws CertificateAuthorityException when there is none, or it is wrong
   */
  CertificateAuthority authority() throws CertificateAuthorityException {
    return CertificateAuthority.forStation(context.databaseFile());
  }

  /** Where the meeting's certificate stands. */
  CertificateProgress progress(String id) throws CertificateException, StoreException {
    try (InterventionStore store = InterventionStore.openForReading(context.databaseFile())) {
      return desk(store).progress(id);
    }
  }

  /** Sends the meeting's request by CMP; {@code secret} is the caller's to wipe. */
  CertificateDesk.Answer submit(String id, char[] secret) throws Failure {
    return withClient(id, secret, (desk, authority, client) -> desk.submit(id, authority, client));
  }

  /** Asks the authority again for a certificate it issues later. */
  CertificateDesk.Answer fetch(String id, char[] secret) throws Failure {
    return withClient(id, secret, (desk, authority, client) -> desk.fetch(id, authority, client));
  }

  /** Takes the certificate the authority sent in a file, checked against the record. */
  CertificateVerdict receive(String id, Path file) throws Failure {
    CertificateAuthority authority = configured();
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      return desk(store).receive(id, file, authority);
    } catch (CertificateException | StoreException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  /**
   * Records the holder's acceptance given on the holder's screen, the authority told where the
   * certificate came by CMP.
   *
   * @return how the authority was told (see {@link CertificateDesk#accept})
   */
  String accept(String id, char[] secret, Optional<String> shownSha256) throws Failure {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      CertificateDesk desk = desk(store);
      if (!confirmedByProtocol(desk.progress(id))) {
        return desk.accept(id, ACCEPTED_ON, Optional.empty(), shownSha256);
      }
      CertificateAuthority authority = configured();
      try (RunOfficer officer = signer(authority, store, id)) {
        return desk.accept(
            id, ACCEPTED_ON, Optional.of(client(authority, secret, officer)), shownSha256);
      }
    } catch (CertificateException | StoreException | TokenException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  /** Records that the holder, on the holder's screen, did not accept the certificate shown. */
  void decline(String id) throws Failure {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      desk(store).decline(id, ACCEPTED_ON);
    } catch (CertificateException | StoreException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  /** Whether the acceptance is told to the authority in the certificate's CMP transaction. */
  static boolean confirmedByProtocol(CertificateProgress progress) {
    return progress.cameByCmp()
        && progress
            .certificate()
            .map(e -> !e.field("implicitConfirm").equals("true"))
            .orElse(false);
  }

  /** Writes the accepted certificate on the holder's card; the officer's card seals the journal. */
  CardInstallation.Installed install(String id, TokenConnector card, PinSource pin) throws Failure {
    try (InterventionStore store = InterventionStore.open(context.databaseFile());
        RunOfficer officer = officer(store, id)) {
      return new CardInstallation(store, context.clock())
          .install(id, card, pin, requireCard(officer));
    } catch (CertificateException | StoreException | TokenException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Exchange {
    CertificateDesk.Answer run(
        CertificateDesk desk, CertificateAuthority authority, CmpClient client)
        throws CertificateException, StoreException;
  }

  private CertificateDesk.Answer withClient(String id, char[] secret, Exchange exchange)
      throws Failure {
    CertificateAuthority authority = configured();
    try (InterventionStore store = InterventionStore.open(context.databaseFile());
        RunOfficer officer = signer(authority, store, id)) {
      return exchange.run(desk(store), authority, client(authority, secret, officer));
    } catch (CertificateException | StoreException | TokenException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  private CmpClient client(CertificateAuthority authority, char[] secret, RunOfficer officer)
      throws Failure {
    CmpSettings settings =
        authority.cmp().orElseThrow(() -> new Failure(Texts.get("certificate.no-cmp"), null));
    CmpProtection protection;
    if (settings.protection() == CertificateAuthority.Protection.OFFICER_SIGNATURE) {
      OfficerCredential card = requireCard(officer);
      protection = new CmpProtection.Signature(card.key(), card.certificate(), card.chain());
    } else if (secret == null || secret.length == 0) {
      throw new Failure(Texts.get("certificate.secret-missing"), null);
    } else {
      protection = new CmpProtection.SharedSecret(settings.reference(), secret);
    }
    return new CmpClient(authority.endpoint(settings), protection, Clock.systemUTC());
  }

  // The officer's card is opened only for an authority whose messages it signs.
  private RunOfficer signer(CertificateAuthority authority, InterventionStore store, String id)
      throws Failure, TokenException {
    boolean signs =
        authority
            .cmp()
            .map(c -> c.protection() == CertificateAuthority.Protection.OFFICER_SIGNATURE)
            .orElse(false);
    return signs ? officer(store, id) : new RunOfficer(null, false);
  }

  private RunOfficer officer(InterventionStore store, String id) throws Failure, TokenException {
    try {
      return RunOfficer.of(context, MeetingRunner.recordedOfficer(store, id));
    } catch (StoreException | EnrollmentException | DossierFileException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  private static OfficerCredential requireCard(RunOfficer officer) throws Failure {
    if (officer.credential() == null) {
      throw new Failure(Texts.get("certificate.no-officer-card"), null);
    }
    return officer.credential();
  }

  private CertificateAuthority configured() throws Failure {
    try {
      return authority();
    } catch (CertificateAuthorityException e) {
      throw new Failure(Texts.get("certificate.authority-broken", e.getMessage()), e);
    }
  }

  private CertificateDesk desk(InterventionStore store) {
    return new CertificateDesk(store, context.clock());
  }

  /** A step refused or failed; its message is one line, ready for the officer. */
  static final class Failure extends Exception {

    private static final long serialVersionUID = 1L;

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
