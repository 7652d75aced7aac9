package fr.aed.station.app.certificate;

import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.enrollment.CertificateOnSheet;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the accepted certificate on the holder's card, the holder present: the card must be the
 * one the meeting recorded, and its key must be the certificate's (a signature made with it before
 * anything is written), then the certificate is written, read back, and a test signature verified
 * with it. Then the journal is sealed by the officer's card. A card pulled while writing leaves the
 * meeting resumable: the install is done again, the card checked again.
 */
public final class CardInstallation {

  /** The key slot of the qualified certificate. */
  public static final KeySlot SLOT = KeySlot.SIGNATURE;

  private static final String TEST_SIGNATURE = "VERIFIED";

  /**
   * What was installed.
   *
   * @param certificate the certificate now on the card
   * @param sha256 its SHA-256
   * @param card the card it is on
   * @param sheetNotRevised why the sheet does not carry it, when it could not be revised (the
   *     certificate is on the card and journaled all the same)
   */
  public record Installed(
      X509Certificate certificate,
      String sha256,
      TokenDescription card,
      Optional<String> sheetNotRevised) {}

  private final InterventionStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CardInstallation(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Installs the meeting's accepted certificate on the card.
   *
   * @throws CertificateException with one line: no accepted certificate, another card, a wrong PIN,
   *     another key in the slot (nothing written), or the card failed while writing (journaled as
   *     interrupted: run the install again)
   */
  public Installed install(
      String interventionId, TokenConnector connector, PinSource pin, OfficerCredential officer)
      throws CertificateException, StoreException {
    try {
      return install(
          interventionId, CertificateAuthority.forStation(store.file()), connector, pin, officer);
    } catch (CertificateAuthorityException e) {
      throw new CertificateException(e.getMessage(), e);
    }
  }

  /**
   * Installs the meeting's accepted certificate on the card, checked again against the record and
   * {@code authority} first: what the journal holds is trusted no more than a file.
   *
   * @throws CertificateException with one line: no accepted certificate, one that no longer passes
   *     the checks, another card, a wrong PIN, another key in the slot (nothing written then), or
   *     the card failed while writing (journaled as interrupted: run the install again)
   */
  public Installed install(
      String interventionId,
      CertificateAuthority authority,
      TokenConnector connector,
      PinSource pin,
      OfficerCredential officer)
      throws CertificateException, StoreException {
    Objects.requireNonNull(officer, "the officer's card seals the journal");
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    CertificateProgress progress = meeting.progress();
    if (progress.stage() != Stage.ACCEPTED) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": no certificate accepted by the holder waits to be installed ("
              + progress.stage()
              + ")");
    }
    X509Certificate certificate = checkedAgain(meeting, progress, authority);
    String sha256 = progress.certificateSha256().orElseThrow();
    TokenDescription card = onCard(meeting, connector, pin, certificate, sha256);
    store.note(
        interventionId,
        CertificateEvents.INSTALLED,
        Map.of(
            "certificateSha256",
            sha256,
            "cardSerial",
            card.serial(),
            "slot",
            SLOT.name(),
            "testSignature",
            TEST_SIGNATURE),
        clock.instant());
    Optional<String> sheetNotRevised = onSheet(interventionId, certificate, card, officer);
    seal(interventionId, officer);
    return new Installed(certificate, sha256, card, sheetNotRevised);
  }

  // The key is on the card now: a sheet that cannot be revised is said, never a failure.
  private Optional<String> onSheet(
      String interventionId,
      X509Certificate certificate,
      TokenDescription card,
      OfficerCredential officer)
      throws StoreException {
    try {
      new CertificateOnSheet(store, clock).add(interventionId, certificate, card.serial(), officer);
      return Optional.empty();
    } catch (EnrollmentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private X509Certificate checkedAgain(
      ClosedMeeting meeting, CertificateProgress progress, CertificateAuthority authority)
      throws CertificateException {
    CertificateVerdict verdict = meeting.recheck(authority, clock.instant());
    boolean same =
        progress.consistent()
            && progress.accepted().isPresent()
            && verdict.sha256().equals(progress.certificateSha256().orElse(""));
    if (!verdict.accepted() || !same) {
      throw new CertificateException(
          "the certificate on record no longer passes the checks against the meeting and the"
              + " authority's certificates ("
              + verdict.findings().stream().map(LintFinding::code).toList()
              + (same ? "" : ", not the certificate received and accepted")
              + "): nothing is written");
    }
    return verdict.certificate().orElseThrow();
  }

  private TokenDescription onCard(
      ClosedMeeting meeting,
      TokenConnector connector,
      PinSource pin,
      X509Certificate certificate,
      String sha256)
      throws CertificateException, StoreException {
    try (Token token = connector.connect()) {
      TokenDescription card = recordedCard(meeting, token.describe());
      verifyPin(token, pin);
      requireKey(token, certificate.getPublicKey(), "before anything is written");
      write(meeting, token, certificate, sha256);
      return card;
    } catch (TokenException e) {
      throw new CertificateException(
          "the card failed before the certificate was written: " + e.getMessage(), e);
    }
  }

  private void write(ClosedMeeting meeting, Token token, X509Certificate certificate, String sha256)
      throws CertificateException, StoreException {
    try {
      token.writeCertificate(SLOT, certificate);
      X509Certificate back =
          token
              .readCertificate(SLOT)
              .orElseThrow(() -> new TokenException("the card shows no certificate after writing"));
      if (!back.equals(certificate)) {
        throw new TokenException("the card gives back another certificate than the one written");
      }
      requireKey(token, certificate.getPublicKey(), "after writing");
    } catch (TokenException | RuntimeException e) {
      // whatever broke the writing (a reader, a driver), the key is on the card: never a crash
      store.note(
          meeting.id(),
          CertificateEvents.INSTALL_INTERRUPTED,
          Map.of("certificateSha256", sha256, "reason", String.valueOf(e.getMessage())),
          clock.instant());
      throw new CertificateException(
          "the certificate is not installed, the card failed while it was written ("
              + e.getMessage()
              + "): put the card back and run the install again",
          e);
    }
  }

  private static TokenDescription recordedCard(ClosedMeeting meeting, TokenDescription found)
      throws CertificateException {
    String recorded = meeting.state().tokenSerial();
    if (recorded == null || !recorded.equals(found.serial())) {
      throw new CertificateException(
          "this card (n° "
              + found.serial()
              + ") is not the holder's card of the meeting (n° "
              + recorded
              + "): nothing is written");
    }
    return found;
  }

  private static void verifyPin(Token token, PinSource pin)
      throws CertificateException, TokenException {
    char[] typed = null;
    try {
      typed = pin.read();
      token.verifyPin(typed);
    } catch (PinUnavailableException e) {
      throw new CertificateException(e.getMessage(), e);
    } catch (WrongPinException e) {
      throw new CertificateException(
          "wrong PIN: " + e.triesLeft() + " tries left; nothing is written", e);
    } catch (PinBlockedException e) {
      throw new CertificateException(
          "the holder's PIN is blocked: unblock it with the PUK (`station unblock-pin`), then"
              + " install again",
          e);
    } finally {
      if (typed != null) {
        Arrays.fill(typed, '\0');
      }
    }
  }

  // The card signs a fresh challenge with the slot's key; only the certificate's key verifies it.
  private void requireKey(Token token, PublicKey key, String when)
      throws CertificateException, TokenException {
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    byte[] data =
        concat("aed-station certificate check ".getBytes(StandardCharsets.US_ASCII), challenge);
    byte[] signature = token.signSha256(SLOT, key, data);
    if (!verifies(key, data, signature)) {
      throw new CertificateException(
          "the card's key is not the certificate's ("
              + when
              + "): another key is in the slot, the certificate is refused for this card");
    }
  }

  static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier =
          Signature.getInstance(
              "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private void seal(String interventionId, OfficerCredential officer)
      throws CertificateException, StoreException {
    try {
      store.sealJournal(interventionId, officer.key(), officer.certificate(), clock.instant());
    } catch (DeviceSigningException e) {
      throw new CertificateException(
          "the certificate is installed and journaled, but the journal is not sealed: "
              + e.getMessage(),
          e);
    }
  }
}
