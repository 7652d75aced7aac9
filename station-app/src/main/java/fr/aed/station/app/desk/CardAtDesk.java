package fr.aed.station.app.desk;

import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A holder's card at the desk, after its meeting: its state read (PIN tries, certificates and their
 * end of validity) and its PIN unblocked, each journaled on the meetings held with that card (the
 * station's journal when none was), so that what was done to a holder's card later is on record
 * with its meeting.
 */
public final class CardAtDesk {

  /** The journal event of a card's state read at the desk. */
  public static final String STATE_READ = "CARD_STATE_READ";

  /** The journal event of a PIN unblocked with the PUK at the desk. */
  public static final String PIN_UNBLOCKED = "PIN_UNBLOCKED";

  /**
   * What the card says.
   *
   * @param card the card
   * @param pin its PIN's state (tries left, -1 when the card does not tell)
   * @param certificates the certificate of each slot that holds one
   * @param unreadable the slots whose certificate object the card gives unreadable
   * @param meetings the meetings held with this card, the most recent first
   * @param otherCertificate the meetings that installed a certificate on this card which is no
   *     longer the one in its signature slot (another card with the same serial, or replaced)
   */
  public record CardState(
      TokenDescription card,
      PinStatus pin,
      Map<KeySlot, X509Certificate> certificates,
      List<KeySlot> unreadable,
      List<String> meetings,
      List<String> otherCertificate) {}

  private final InterventionStore store;
  private final Clock clock;

  public CardAtDesk(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Reads the card's state, without spending a PIN try, and journals it.
   *
   * @throws TokenException if the card cannot be read
   */
  public CardState read(Token token) throws TokenException, StoreException {
    TokenDescription card = token.describe();
    PinStatus pin = token.pinStatus();
    Map<KeySlot, X509Certificate> certificates = new EnumMap<>(KeySlot.class);
    List<KeySlot> unreadable = new java.util.ArrayList<>();
    for (KeySlot slot : KeySlot.values()) {
      try {
        token.readCertificate(slot).ifPresent(c -> certificates.put(slot, c));
      } catch (fr.aed.station.token.CardRemovedException e) {
        throw e;
      } catch (TokenException e) {
        // one slot's broken object does not hide the PIN's state and the other certificates
        unreadable.add(slot);
      }
    }
    List<String> meetings = store.meetingsOfCard(card.serial());
    CardState state =
        new CardState(
            card,
            pin,
            certificates,
            unreadable,
            meetings,
            otherCertificate(meetings, certificates.get(KeySlot.SIGNATURE)));
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("cardSerial", card.serial());
    detail.put("pinTriesLeft", Integer.toString(pin.triesLeft()));
    detail.put("certificates", fingerprints(certificates));
    detail.put("unreadable", unreadable.toString());
    detail.put("otherCertificateThan", String.join(",", state.otherCertificate()));
    journal(state.meetings(), STATE_READ, detail);
    return state;
  }

  /**
   * Journals that the card's PIN was unblocked with its PUK, the holder present, on a new PIN the
   * holder chose.
   */
  public void unblocked(TokenDescription card) throws StoreException {
    journal(
        store.meetingsOfCard(card.serial()),
        PIN_UNBLOCKED,
        Map.of("cardSerial", card.serial(), "newPin", "chosen by the holder"));
  }

  // The serial is what the card says of itself: the certificate a meeting installed tells more.
  private List<String> otherCertificate(List<String> meetings, X509Certificate onCard)
      throws StoreException {
    String found = onCard == null ? "" : sha256(onCard);
    List<String> other = new java.util.ArrayList<>();
    for (String meeting : meetings) {
      CertificateProgress progress =
          CertificateProgress.of(new MeetingJournal(store, meeting).entries());
      if (progress.stage() == CertificateProgress.Stage.INSTALLED
          && !progress.certificateSha256().orElse("").equals(found)) {
        other.add(meeting);
      }
    }
    return other;
  }

  private void journal(List<String> meetings, String event, Map<String, String> detail)
      throws StoreException {
    if (meetings.isEmpty()) {
      store.note(InterventionStore.STATION, event, detail, clock.instant());
    }
    for (String meeting : meetings) {
      store.note(meeting, event, detail, clock.instant());
    }
  }

  private static String fingerprints(Map<KeySlot, X509Certificate> certificates) {
    return certificates.entrySet().stream()
        .map(e -> e.getKey() + " " + sha256(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String sha256(X509Certificate certificate) {
    try {
      return Fingerprints.sha256Hex(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      return "unreadable";
    }
  }
}
