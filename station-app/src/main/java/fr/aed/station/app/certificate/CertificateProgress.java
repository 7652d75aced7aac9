package fr.aed.station.app.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.crypto.journal.JournalEntry;
import java.util.List;
import java.util.Optional;

/**
 * Where a closed meeting's certificate stands, read from the meeting's journal: the last
 * certificate event decides, so every step is journaled before it counts.
 *
 * @param stage the stage reached
 * @param last the journal's last certificate event, absent at {@link Stage#NONE}
 * @param certificate the last certificate received and accepted by the station's checks (PEM),
 *     carried over by the later stages
 * @param accepted the holder's acceptance of that certificate, once given
 * @param requested the last request sent to the authority by CMP, if any
 */
public record CertificateProgress(
    Stage stage,
    Optional<Event> last,
    Optional<Event> certificate,
    Optional<Event> accepted,
    Optional<Event> requested) {

  /** The stages of a certificate's return, in order. */
  public enum Stage {
    /** Nothing asked of the authority yet. */
    NONE,
    /** The authority said it issues later: to be fetched. */
    WAITING,
    /** The authority refused to issue. */
    REFUSED_BY_CA,
    /** A certificate came back but the station's checks refused it. */
    REJECTED,
    /** A certificate came back and passed the checks: the holder is to accept it. */
    RECEIVED,
    /** The holder accepted it: to be written on the card. */
    ACCEPTED,
    /** On the card, its test signature verified. */
    INSTALLED
  }

  /** One journaled certificate event, its detail read back. */
  public record Event(long sequence, String recordedAt, String name, JsonNode detail) {

    /** A field of the detail, or "" when absent. */
    public String field(String field) {
      return detail.path(field).asText("");
    }
  }

  /**
   * The progress the entries of one meeting's journal say.
   *
   * @throws IllegalStateException if a certificate event's detail is not JSON (a broken journal,
   *     which journal verification names)
   */
  public static CertificateProgress of(List<JournalEntry> entries) {
    Stage stage = Stage.NONE;
    Event last = null;
    Event certificate = null;
    Event accepted = null;
    Event requested = null;
    for (JournalEntry entry : entries) {
      Optional<Stage> reached = CertificateEvents.stageOf(entry.event());
      if (reached.isEmpty()) {
        continue;
      }
      last = event(entry);
      if (entry.event().equals(CertificateEvents.REQUESTED)) {
        requested = last;
      } else if (entry.event().equals(CertificateEvents.RECEIVED)) {
        certificate = last;
        accepted = null;
      } else if (entry.event().equals(CertificateEvents.ACCEPTED)) {
        accepted = last;
      } else if (reached.get() == Stage.REJECTED || reached.get() == Stage.REFUSED_BY_CA) {
        certificate = null;
        accepted = null;
      }
      stage = reached.get() == Stage.NONE ? stage : reached.get();
    }
    return new CertificateProgress(
        stage,
        Optional.ofNullable(last),
        Optional.ofNullable(certificate),
        Optional.ofNullable(accepted),
        Optional.ofNullable(requested));
  }

  /** The received certificate's PEM, once received. */
  public Optional<String> certificatePem() {
    return certificate.map(e -> e.field("certificate"));
  }

  /**
   * Whether the received certificate came by CMP (the authority is then told of its acceptance).
   */
  public boolean cameByCmp() {
    return certificate.map(e -> e.field("channel").equals("CMP")).orElse(false);
  }

  /** The received certificate, once received; empty too when the journal's copy is unreadable. */
  public Optional<java.security.cert.X509Certificate> issued() {
    try {
      return certificatePem().map(IssuedCertificates::parse);
    } catch (IllegalStateException unreadable) {
      // a broken entry: consistent() says so, and nothing is shown, accepted or installed from it
      return Optional.empty();
    }
  }

  /** The authority's certificates received with the certificate (leaf excluded), journaled. */
  public List<java.security.cert.X509Certificate> chain() {
    String pem = certificate.map(e -> e.field("chain")).orElse("");
    List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>();
    int at = 0;
    String end = "-----END CERTIFICATE-----";
    while ((at = pem.indexOf("-----BEGIN CERTIFICATE-----", at)) >= 0) {
      int stop = pem.indexOf(end, at);
      if (stop < 0) {
        break;
      }
      try {
        chain.add(IssuedCertificates.parse(pem.substring(at, stop + end.length())));
      } catch (IllegalStateException unreadable) {
        // an unreadable link is left out: the chain then fails the check
      }
      at = stop + end.length();
    }
    return chain;
  }

  /** The SHA-256 of the certificate the holder accepted, once accepted. */
  public Optional<String> acceptedSha256() {
    return accepted.map(e -> e.field("certificateSha256"));
  }

  /** The received certificate's SHA-256, computed from the certificate the journal holds. */
  public Optional<String> certificateSha256() {
    return issued().map(IssuedCertificates::sha256);
  }

  /** The SHA-256 the journal's entry claims for the received certificate. */
  public Optional<String> recordedSha256() {
    return certificate.map(e -> e.field("certificateSha256"));
  }

  /** Whether the journal's certificate is the one its entries name by their fingerprint. */
  public boolean consistent() {
    Optional<String> computed = certificateSha256();
    return computed.isPresent()
        && computed.equals(recordedSha256())
        && accepted.map(a -> computed.get().equals(a.field("certificateSha256"))).orElse(true)
        && (stage != Stage.INSTALLED
            || last.map(i -> computed.get().equals(i.field("certificateSha256"))).orElse(false));
  }

  /** The CMP transaction the last event names, if any. */
  public Optional<String> transactionId() {
    return last.map(e -> e.field("transactionId")).filter(t -> !t.isEmpty());
  }

  private static Event event(JournalEntry entry) {
    try {
      return new Event(
          entry.sequence(),
          entry.recordedAt(),
          entry.event(),
          EnrollmentFile.mapper().readTree(entry.detail()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "journal entry " + entry.sequence() + " is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
