package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.cmp.CmpAnswer;
import fr.aed.station.crypto.cmp.CmpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code station submit} and {@code station certificate fetch} share: the exchange with the
 * authority's CMP server, asking again within {@code --wait} while it says "later", then the
 * holder's acceptance when the holder is there ({@code --holder-accepts}), told to the authority in
 * the same transaction.
 */
final class AuthorityExchange {

  /** The longest {@code --wait}: an hour. */
  static final int MAX_WAIT_SECONDS = 3600;

  private final AuthorityOptions authority;
  private final OfficerOptions officer;
  private final DataDirectory data;
  private final CertificateLines lines;

  AuthorityExchange(
      AuthorityOptions authority,
      OfficerOptions officer,
      DataDirectory data,
      CertificateLines lines) {
    this.authority = authority;
    this.officer = officer;
    this.data = data;
    this.lines = lines;
  }

  /**
   * Runs the exchange.
   *
   * @param submit whether the request is sent (else the authority is asked again)
   * @return the exit code: 0 received (and accepted when asked), 2 later, 3 refused
   */
  int run(String interventionId, boolean submit, int waitSeconds, boolean holderAccepts) {
    if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
      throw new StationUsageException("--wait: 0 to " + MAX_WAIT_SECONDS + " seconds");
    }
    authority.check();
    officer.check();
    CertificateAuthority configured = authority.authority(data);
    try (InterventionStore store = InterventionStore.open(data.database());
        OfficerCredential credential =
            officer.open(Officers.recorded(store, interventionId), data)) {
      CmpClient client = authority.client(configured, credential);
      CertificateDesk desk = new CertificateDesk(store, Clock.systemDefaultZone());
      CertificateDesk.Answer answer =
          submit
              ? desk.submit(interventionId, configured, client)
              : desk.fetch(interventionId, configured, client);
      answer = waitFor(desk, interventionId, configured, client, answer, waitSeconds);
      lines.answer(interventionId, answer);
      if (answer.stage() == Stage.RECEIVED && holderAccepts) {
        new HolderAcceptance(lines, true).ask(desk, interventionId, configured, true, () -> client);
      }
      return exitCode(answer.stage());
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    } finally {
      authority.wipe();
    }
  }

  // Asks again after the delay the authority gave (a second at least), while time is left.
  private static CertificateDesk.Answer waitFor(
      CertificateDesk desk,
      String interventionId,
      CertificateAuthority configured,
      CmpClient client,
      CertificateDesk.Answer answer,
      int waitSeconds)
      throws CertificateException, StoreException {
    Instant deadline = Instant.now().plusSeconds(waitSeconds);
    while (answer.answer() instanceof CmpAnswer.Waiting waiting) {
      Duration pause =
          waiting.checkAfter().compareTo(Duration.ofSeconds(1)) < 0
              ? Duration.ofSeconds(1)
              : waiting.checkAfter();
      // compared before any date is made of it: the authority's delay may be anything
      if (pause.compareTo(Duration.between(Instant.now(), deadline)) > 0) {
        return answer;
      }
      sleep(pause);
      answer = desk.fetch(interventionId, configured, client);
    }
    return answer;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StationCommandException("interrupted while waiting for the authority", e);
    }
  }

  /** 0 received, 2 waiting, 3 refused by the authority or the station. */
  static int exitCode(Stage stage) {
    return switch (stage) {
      case WAITING -> 2;
      case REFUSED_BY_CA, REJECTED -> 3;
      default -> 0;
    };
  }
}
