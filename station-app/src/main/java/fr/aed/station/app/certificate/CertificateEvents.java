package fr.aed.station.app.certificate;

import fr.aed.station.app.certificate.CertificateProgress.Stage;
import java.util.Map;
import java.util.Optional;

/** The journal events of a certificate's return, each with the stage it reaches. */
public final class CertificateEvents {

  /** The request was sent to the authority by CMP. */
  public static final String REQUESTED = "CERTIFICATE_REQUESTED";

  /** The authority will issue later; the transaction to poll. */
  public static final String WAITING = "CERTIFICATE_WAITING";

  /** The authority refused, with its reason. */
  public static final String REFUSED_BY_CA = "CERTIFICATE_REFUSED_BY_CA";

  /** A certificate came back and passed the station's checks (its PEM in the detail). */
  public static final String RECEIVED = "CERTIFICATE_RECEIVED";

  /** A certificate came back and the station's checks refused it, with why. */
  public static final String REJECTED = "CERTIFICATE_REJECTED";

  /** The holder accepted the certificate's content. */
  public static final String ACCEPTED = "CERTIFICATE_ACCEPTED";

  /** The holder read the certificate and did not accept it. */
  public static final String DECLINED = "CERTIFICATE_DECLINED";

  /** Writing the certificate on the card was interrupted: the install is to be done again. */
  public static final String INSTALL_INTERRUPTED = "CERTIFICATE_INSTALL_INTERRUPTED";

  /** The certificate is on the card and a test signature verified with it. */
  public static final String INSTALLED = "CERTIFICATE_INSTALLED";

  private static final Map<String, Stage> STAGES =
      Map.of(
          REQUESTED, Stage.NONE,
          WAITING, Stage.WAITING,
          REFUSED_BY_CA, Stage.REFUSED_BY_CA,
          RECEIVED, Stage.RECEIVED,
          REJECTED, Stage.REJECTED,
          ACCEPTED, Stage.ACCEPTED,
          DECLINED, Stage.REJECTED,
          INSTALL_INTERRUPTED, Stage.ACCEPTED,
          INSTALLED, Stage.INSTALLED);

  private CertificateEvents() {}

  /** The stage an event reaches, empty for an event that is not a certificate's. */
  static Optional<Stage> stageOf(String event) {
    return Optional.ofNullable(STAGES.get(event));
  }
}
