package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The identity document step: the MRZ as the officer types it, checked on every change against the
 * holder on the meeting day, and the two things the officer attests (unticked until the officer
 * ticks them, see {@link MeetingAttestations}).
 */
public final class IdentityStepViewModel {

  private final Holder holder;
  private final LocalDate meetingDay;
  private final StringProperty mrz = new SimpleStringProperty("");
  private final BooleanProperty originalSeen = new SimpleBooleanProperty();
  private final BooleanProperty photoMatches = new SimpleBooleanProperty();
  private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper();

  IdentityStepViewModel(Holder holder, MeetingRecord meeting) {
    this.holder = holder;
    this.meetingDay = meeting.heldAt().toLocalDate();
    mrz.addListener((obs, old, now) -> check());
    mrz.set(meeting.mrz());
    check();
  }

  // Nothing typed yet is nothing refused: the zone is to be typed or read, not wrong.
  private void check() {
    if (mrz.get() == null || mrz.get().isBlank()) {
      checks.setAll(CheckLine.toConfirm(Texts.get("identity.mrz-to-type")));
      accepted.set(false);
      return;
    }
    DocumentVerdict verdict = IdentityDocumentCheck.verify(mrz.get(), meetingDay, holder);
    checks.setAll(
        CheckLine.refusedFirst(
            verdict.checks().stream().map(c -> new CheckLine(c.passed(), c.reason())).toList()));
    accepted.set(verdict.accepted());
  }

  public StringProperty mrzProperty() {
    return mrz;
  }

  public BooleanProperty originalSeenProperty() {
    return originalSeen;
  }

  public BooleanProperty photoMatchesProperty() {
    return photoMatches;
  }

  /** Every check of the zone as typed, in order. */
  public ObservableList<CheckLine> checks() {
    return checks;
  }

  /** Whether the zone passes every check. */
  public ReadOnlyBooleanProperty acceptedProperty() {
    return accepted.getReadOnlyProperty();
  }
}
