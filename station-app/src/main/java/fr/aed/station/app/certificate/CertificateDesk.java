package fr.aed.station.app.certificate;

import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.Pem;
import fr.aed.station.crypto.certificate.CertificateFileException;
import fr.aed.station.crypto.certificate.CertificateFiles;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.certificate.IssuedCertificateCheck;
import fr.aed.station.crypto.certificate.SubjectDifference;
import fr.aed.station.crypto.cmp.CmpAnswer;
import fr.aed.station.crypto.cmp.CmpClient;
import fr.aed.station.crypto.cmp.CmpException;
import fr.aed.station.crypto.cmp.CmpTransaction;
import fr.aed.station.crypto.profile.LintFinding;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The certificate authority's side of a closed meeting: the request sent by CMP, the answer waited
 * for, a certificate received (by CMP or in a file) and checked against the record before anything
 * is written, and the holder's acceptance. Every step is journaled on the meeting; a failure
 * records nothing and leaves the meeting where it was.
 */
public final class CertificateDesk {

  /** How a certificate reached the station. */
  public enum Channel {
    CMP,
    FILE
  }

  /**
   * What the authority answered, and the station's verdict on a certificate it sent.
   *
   * @param stage where the certificate stands now
   * @param answer the authority's answer
   * @param verdict the checks of the certificate, when one came
   */
  public record Answer(Stage stage, CmpAnswer answer, Optional<CertificateVerdict> verdict) {}

  private final InterventionStore store;
  private final Clock clock;

  public CertificateDesk(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Where the meeting's certificate stands. */
  public CertificateProgress progress(String interventionId)
      throws CertificateException, StoreException {
    return ClosedMeeting.read(store, interventionId).progress();
  }

  /**
   * Sends the recorded request to the authority (CMP p10cr) and records its answer.
   *
   * @throws CertificateException if the meeting is not closed, its certificate is already on its
   *     way, or the exchange failed (nothing recorded then)
   */
  public Answer submit(String interventionId, CertificateAuthority authority, CmpClient client)
      throws CertificateException, StoreException {
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    Stage stage = meeting.progress().stage();
    if (stage != Stage.NONE && stage != Stage.REFUSED_BY_CA && stage != Stage.REJECTED) {
      throw new CertificateException("intervention " + interventionId + ": " + alreadyAsked(stage));
    }
    CmpAnswer answer = exchange(() -> client.requestCertificate(meeting.request()));
    store.note(
        interventionId,
        CertificateEvents.REQUESTED,
        Map.of(
            "channel", Channel.CMP.name(),
            "server", authority.cmp().orElseThrow().url().toString(),
            "transactionId", answer.transaction().transactionIdHex(),
            "requestSha256", Fingerprints.sha256Hex(encoded(meeting))),
        clock.instant());
    return record(meeting, authority, answer, client);
  }

  /**
   * Asks the authority again for a certificate it said it issues later (CMP pollReq).
   *
   * @throws CertificateException if the meeting is not waiting for its certificate, or the exchange
   *     failed (nothing recorded then)
   */
  public Answer fetch(String interventionId, CertificateAuthority authority, CmpClient client)
      throws CertificateException, StoreException {
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    CertificateProgress progress = meeting.progress();
    if (progress.stage() != Stage.WAITING) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + " is not waiting for its certificate ("
              + progress.stage()
              + "): `station submit` sends its request");
    }
    String server = progress.requested().map(r -> r.field("server")).orElse("");
    String configured = authority.cmp().map(c -> c.url().toString()).orElse("");
    if (!server.equals(configured)) {
      // the transaction lives at the server it was sent to: asking another one is asking a stranger
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": its request went to "
              + server
              + ", the configuration names "
              + configured
              + " now: ask the server it went to, or submit again");
    }
    CmpTransaction transaction = transaction(progress.last().orElseThrow());
    return record(meeting, authority, exchange(() -> client.poll(transaction)), client);
  }

  /**
   * Takes a certificate the authority sent otherwise (PEM, DER, PKCS#7), checks it and records the
   * verdict.
   *
   * @throws CertificateException if the file is not certificates, or the meeting has its
   *     certificate accepted already
   */
  public CertificateVerdict receive(
      String interventionId, Path file, CertificateAuthority authority)
      throws CertificateException, StoreException {
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    Stage stage = meeting.progress().stage();
    if (stage == Stage.RECEIVED || stage == Stage.ACCEPTED || stage == Stage.INSTALLED) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": a checked certificate is on record already ("
              + meeting.progress().certificateSha256().orElse("")
              + ", "
              + stage
              + "): install it without --certificate; another file is not taken in its place");
    }
    List<X509Certificate> received;
    try {
      received = CertificateFiles.read(file);
    } catch (CertificateFileException e) {
      throw new CertificateException(file + ": " + e.getMessage(), e);
    }
    return checkAndRecord(
        meeting, authority, received, Channel.FILE, Map.of(), checked -> Optional.empty());
  }

  /**
   * Records that the holder accepted the received certificate, after telling the authority where
   * the certificate came by CMP ({@code certConf}).
   *
   * <p>An authority that answers the confirmation with an error (it closed the transaction: a CA
   * waits for it a limited time) does not undo the holder's acceptance: it is recorded with the
   * authority's answer, for the officer to confirm by the authority's other means.
   *
   * @param acceptedOn where the holder read it and accepted: TERMINAL or HOLDER_SCREEN
   * @param confirmation the CMP client to confirm with; empty for a certificate that came in a file
   * @return how the authority was told: CMP_CERTCONF, IMPLICIT, NOT_BY_PROTOCOL, or NOT_TAKEN
   *     followed by the authority's answer
   * @throws CertificateException if no checked certificate waits for acceptance, or the exchange
   *     with the authority failed (unreachable, no answer, an answer not protected as agreed, of
   *     another transaction): nothing is recorded then
   */
  public String accept(String interventionId, String acceptedOn, Optional<CmpClient> confirmation)
      throws CertificateException, StoreException {
    return accept(interventionId, acceptedOn, confirmation, Optional.empty());
  }

  /**
   * As {@link #accept(String, String, Optional)}, for the certificate of {@code shownSha256} only:
   * the holder accepts what was shown, never another certificate received meanwhile.
   *
   * @throws CertificateException also when the certificate waiting is not the one shown
   */
  public String accept(
      String interventionId,
      String acceptedOn,
      Optional<CmpClient> confirmation,
      Optional<String> shownSha256)
      throws CertificateException, StoreException {
    ClosedMeeting meeting = ClosedMeeting.read(store, interventionId);
    CertificateProgress progress = meeting.progress();
    if (progress.stage() != Stage.RECEIVED || !progress.consistent()) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": no checked certificate waits for the holder's acceptance ("
              + progress.stage()
              + ")");
    }
    if (shownSha256.isPresent() && !shownSha256.equals(progress.certificateSha256())) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": the certificate waiting is not the one shown to the holder: show it again");
    }
    CertificateProgress.Event received = progress.certificate().orElseThrow();
    String informed = informAuthority(received, confirmation);
    store.note(
        interventionId,
        CertificateEvents.ACCEPTED,
        Map.of(
            "certificateSha256", progress.certificateSha256().orElseThrow(),
            "acceptedOn", acceptedOn,
            "authorityInformed", informed),
        clock.instant());
    return informed;
  }

  /**
   * Records that the holder read the received certificate and did not accept it (or no longer does,
   * at the installation): nothing is installed, the authority is to be asked again.
   *
   * @throws CertificateException if no checked certificate waits for acceptance
   */
  public void decline(String interventionId, String declinedOn)
      throws CertificateException, StoreException {
    decline(interventionId, declinedOn, Optional.empty());
  }

  /**
   * As {@link #decline(String, String)}, the authority told with {@code client} where the
   * certificate came by CMP (certConf with the status rejection).
   */
  public void decline(String interventionId, String declinedOn, Optional<CmpClient> client)
      throws CertificateException, StoreException {
    CertificateProgress progress = ClosedMeeting.read(store, interventionId).progress();
    if (progress.stage() != Stage.RECEIVED && progress.stage() != Stage.ACCEPTED) {
      throw new CertificateException(
          "intervention " + interventionId + ": no certificate waits for the holder's answer");
    }
    store.note(
        interventionId,
        CertificateEvents.DECLINED,
        Map.of(
            "certificateSha256", progress.certificateSha256().orElseThrow(),
            "declinedOn", declinedOn,
            "authorityInformed", refusalTold(progress, client)),
        clock.instant());
  }

  private static String refusalTold(CertificateProgress progress, Optional<CmpClient> client)
      throws CertificateException {
    CertificateProgress.Event received = progress.certificate().orElseThrow();
    if (!progress.cameByCmp() || received.field("implicitConfirm").equals("true")) {
      return "NOT_BY_PROTOCOL";
    }
    if (client.isEmpty()) {
      return "NOT_TOLD";
    }
    return rejected(
        client.get(),
        transaction(received),
        progress.issued().orElseThrow(),
        "the holder does not accept the certificate");
  }

  /**
   * The received certificate checked again now, against the record and {@code authority}: what is
   * shown to the holder before they accept it.
   *
   * @throws CertificateException if no certificate was received
   */
  public CertificateVerdict recheck(String interventionId, CertificateAuthority authority)
      throws CertificateException, StoreException {
    return ClosedMeeting.read(store, interventionId).recheck(authority, clock.instant());
  }

  private String informAuthority(
      CertificateProgress.Event received, Optional<CmpClient> confirmation)
      throws CertificateException {
    if (!received.field("channel").equals(Channel.CMP.name())) {
      return "NOT_BY_PROTOCOL";
    }
    if (received.field("implicitConfirm").equals("true")) {
      return "IMPLICIT";
    }
    CmpClient client =
        confirmation.orElseThrow(
            () ->
                new CertificateException(
                    "the certificate came by CMP: the authority is told of the acceptance, give"
                        + " its protection (the shared secret or the officer's card)"));
    CmpTransaction transaction = transaction(received);
    X509Certificate certificate = IssuedCertificates.parse(received.field("certificate"));
    try {
      client.confirm(transaction, certificate);
      return "CMP_CERTCONF";
    } catch (CmpException e) {
      if (e.kind() == CmpException.Kind.CA_ERROR) {
        return "NOT_TAKEN " + e.getMessage();
      }
      throw new CertificateException(
          "the certificate authority's server: " + e.getMessage() + " (nothing recorded)", e);
    }
  }

  private Answer record(
      ClosedMeeting meeting, CertificateAuthority authority, CmpAnswer answer, CmpClient client)
      throws StoreException {
    if (answer instanceof CmpAnswer.Issued issued) {
      List<X509Certificate> received = new ArrayList<>();
      received.add(issued.certificate());
      received.addAll(issued.caCertificates());
      Map<String, String> cmp = new LinkedHashMap<>();
      cmp.put("transactionId", issued.transaction().transactionIdHex());
      cmp.put("certReqId", Integer.toString(issued.transaction().certReqId()));
      cmp.put("caNonce", issued.transaction().caNonceHex());
      cmp.put("implicitConfirm", Boolean.toString(issued.implicitConfirm()));
      CertificateVerdict verdict =
          checkAndRecord(
              meeting,
              authority,
              received,
              Channel.CMP,
              cmp,
              checked ->
                  checked.accepted() || issued.implicitConfirm()
                      ? Optional.empty()
                      : Optional.of(
                          rejected(
                              client,
                              issued.transaction(),
                              issued.certificate(),
                              "refused by the registration station: "
                                  + checked.findings().stream()
                                      .filter(f -> f.severity() == LintFinding.Severity.ERROR)
                                      .map(LintFinding::code)
                                      .collect(Collectors.joining(", ")))));
      return new Answer(
          verdict.accepted() ? Stage.RECEIVED : Stage.REJECTED, answer, Optional.of(verdict));
    }
    if (answer instanceof CmpAnswer.Waiting waiting) {
      store.note(
          meeting.id(),
          CertificateEvents.WAITING,
          Map.of(
              "transactionId", waiting.transaction().transactionIdHex(),
              "certReqId", Integer.toString(waiting.transaction().certReqId()),
              "caNonce", waiting.transaction().caNonceHex(),
              "checkAfterSeconds", Long.toString(waiting.checkAfter().toSeconds()),
              "reason", waiting.reason()),
          clock.instant());
      return new Answer(Stage.WAITING, answer, Optional.empty());
    }
    CmpAnswer.Refused refused = (CmpAnswer.Refused) answer;
    store.note(
        meeting.id(),
        CertificateEvents.REFUSED_BY_CA,
        Map.of(
            "transactionId", refused.transaction().transactionIdHex(),
            "status", refused.status(),
            "failInfo", String.join(",", refused.failInfo()),
            "reason", refused.reason()),
        clock.instant());
    return new Answer(Stage.REFUSED_BY_CA, answer, Optional.empty());
  }

  private CertificateVerdict checkAndRecord(
      ClosedMeeting meeting,
      CertificateAuthority authority,
      List<X509Certificate> received,
      Channel channel,
      Map<String, String> cmp,
      java.util.function.Function<CertificateVerdict, Optional<String>> tellAuthority)
      throws StoreException {
    CertificateVerdict verdict =
        IssuedCertificateCheck.check(received, meeting.expectations(authority), clock.instant());
    Map<String, String> detail = new LinkedHashMap<>(cmp);
    tellAuthority.apply(verdict).ifPresent(told -> detail.put("authorityInformed", told));
    detail.put("channel", channel.name());
    verdict
        .certificate()
        .ifPresent(
            c -> {
              detail.put("certificate", Pem.of(c));
              detail.put("certificateSha256", verdict.sha256());
              detail.put("subject", c.getSubjectX500Principal().getName());
              detail.put("notAfter", c.getNotAfter().toInstant().toString());
            });
    if (verdict.chain().size() > 1) {
      detail.put("chain", Pem.of(verdict.chain().subList(1, verdict.chain().size()).toArray()));
    }
    detail.put("findings", findings(verdict.findings()));
    detail.put("subjectDifferences", differences(verdict.subjectDifferences()));
    store.note(
        meeting.id(),
        verdict.accepted() ? CertificateEvents.RECEIVED : CertificateEvents.REJECTED,
        detail,
        clock.instant());
    return verdict;
  }

  // The CA is told the certificate is refused where the protocol allows; its failing to take it
  // never undoes the refusal, which is recorded with how the CA was told.
  private static String rejected(
      CmpClient client, CmpTransaction transaction, X509Certificate certificate, String reason) {
    try {
      client.reject(transaction, certificate, reason);
      return "CMP_CERTCONF_REJECTION";
    } catch (CmpException e) {
      return "NOT_TAKEN " + e.getMessage();
    }
  }

  private static String findings(List<LintFinding> findings) {
    return findings.stream()
        .map(f -> f.severity() + " " + f.code() + " " + String.join(" | ", f.arguments()))
        .collect(Collectors.joining("\n"));
  }

  private static String differences(List<SubjectDifference> differences) {
    return differences.stream()
        .map(d -> d.kind() + " " + d.attribute() + ": " + d.requested() + " -> " + d.issued())
        .collect(Collectors.joining("\n"));
  }

  // The transaction as a journaled event keeps it: the CA answers only with its last nonce back.
  private static CmpTransaction transaction(CertificateProgress.Event event)
      throws CertificateException {
    try {
      return new CmpTransaction(
          event.field("transactionId"),
          Integer.parseInt(event.field("certReqId")),
          event.field("caNonce"));
    } catch (IllegalArgumentException e) {
      throw new CertificateException(
          "the journal's CMP transaction cannot be read (entry "
              + event.sequence()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] encoded(ClosedMeeting meeting) {
    try {
      return meeting.request().getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("a parsed request encodes again", e);
    }
  }

  private static String alreadyAsked(Stage stage) {
    return switch (stage) {
      case WAITING -> "the authority issues it later: `station certificate fetch` asks again";
      case RECEIVED -> "its certificate came back and waits for the holder's acceptance";
      case ACCEPTED -> "its certificate is accepted and waits to be installed";
      default -> "its certificate is on the card";
    };
  }

  @FunctionalInterface
  private interface Exchange {
    CmpAnswer run() throws CmpException;
  }

  private static CmpAnswer exchange(Exchange exchange) throws CertificateException {
    try {
      return exchange.run();
    } catch (CmpException e) {
      throw new CertificateException(
          "the certificate authority's server: " + e.getMessage() + " (nothing recorded)", e);
    }
  }
}
