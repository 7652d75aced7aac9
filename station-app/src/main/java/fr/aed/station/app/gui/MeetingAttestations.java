package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Attestation;
import fr.aed.station.app.domain.MeetingRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the officer attests at the meeting, ticked by them there: every box starts unticked,
 * whatever the enrollment file says the portal collected, and each tick remembers when it was made.
 * Until ticked, an attestation is "to confirm", not a failure.
 */
public final class MeetingAttestations {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Clock clock;
  private final MeetingRecord fromFile;
  private final Map<Attestation, BooleanProperty> boxes;
  private final Map<Attestation, Instant> tickedAt = new EnumMap<>(Attestation.class);
  private final Map<Attestation, ReadOnlyStringWrapper> statuses = new EnumMap<>(Attestation.class);
  private final ObservableList<CheckLine> toConfirm = FXCollections.observableArrayList();

  /**
   * @param boxes the box of each attestation, unticked
   * @param fromFile the meeting as the file gives it: what the portal says it collected
   * @param clock the station's clock, for the ticks' instants
   */
  MeetingAttestations(
      Map<Attestation, BooleanProperty> boxes, MeetingRecord fromFile, Clock clock) {
    this.boxes = new EnumMap<>(boxes);
    this.fromFile = fromFile;
    this.clock = clock;
    // The photo is no longer ticked: the portrait comparison step gives it, with its own times.
    for (Attestation attestation : this.boxes.keySet()) {
      BooleanProperty box = this.boxes.get(attestation);
      box.set(false);
      statuses.put(attestation, new ReadOnlyStringWrapper());
      box.addListener((obs, old, now) -> ticked(attestation, now));
    }
    update();
  }

  private void ticked(Attestation attestation, boolean now) {
    if (now) {
      tickedAt.put(attestation, clock.instant());
    } else {
      tickedAt.remove(attestation);
    }
    update();
  }

  private void update() {
    toConfirm.setAll(
        boxes.keySet().stream()
            .filter(attestation -> !tickedAt.containsKey(attestation))
            .map(attestation -> CheckLine.toConfirm(Texts.get(key(attestation))))
            .toList());
    statuses.forEach((attestation, status) -> status.set(statusText(attestation)));
  }

  private String statusText(Attestation attestation) {
    Instant at = tickedAt.get(attestation);
    if (at == null) {
      return Texts.get("attestation.to-confirm");
    }
    return Texts.get(
        "attestation.confirmed", fromFile.officer().name(), TIME.format(at.atZone(zone())));
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static String key(Attestation attestation) {
    return "attestation." + attestation.key();
  }

  /** Whether the attestation is still to be ticked by the officer. */
  public boolean pending(Attestation attestation) {
    return !tickedAt.containsKey(attestation);
  }

  /** "To confirm", or who confirmed it and when. */
  public ReadOnlyStringProperty statusProperty(Attestation attestation) {
    return statuses.get(attestation).getReadOnlyProperty();
  }

  /** Whether the enrollment file says the portal collected it (a hint, never a tick). */
  public boolean collectedByPortal(Attestation attestation) {
    return switch (attestation) {
      case ORIGINAL_SEEN -> fromFile.originalSeen();
      case PHOTO_MATCHES -> fromFile.photoMatches();
      case FORMS_SIGNED -> fromFile.formsSigned();
    };
  }

  /** When the officer ticked each attestation ticked now. */
  public Map<Attestation, Instant> tickedAt() {
    return Map.copyOf(tickedAt);
  }

  /** The attestations not ticked yet, as neutral "to confirm" lines, in order. */
  public ObservableList<CheckLine> toConfirm() {
    return toConfirm;
  }
}
