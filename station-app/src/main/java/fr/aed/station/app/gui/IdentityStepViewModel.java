package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.VisualZone;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * holder on the meeting day, the original the officer attests having seen (unticked until the
 * officer ticks it, see {@link MeetingAttestations}), and the names and birth date as the
 * document's visual zone prints them, typed by the officer (never copied from the dossier), with
 * the officer's reason for accepting names that differ (TS 119 461 VAL-8.3.1-03X, -04X).
 */
public final class IdentityStepViewModel {

  private final Holder holder;
  private final LocalDate meetingDay;
  private final StringProperty mrz = new SimpleStringProperty("");
  private final BooleanProperty originalSeen = new SimpleBooleanProperty();
  private final StringProperty printedSurname = new SimpleStringProperty("");
  private final StringProperty printedGivenNames = new SimpleStringProperty("");
  private final StringProperty printedBirthDate = new SimpleStringProperty("");
  private final StringProperty mismatchReason = new SimpleStringProperty("");
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
            verdict.checks().stream()
                .map(c -> new CheckLine(c.passed(), Texts.of(c.message())))
                .toList()));
    accepted.set(verdict.accepted());
  }

  public StringProperty mrzProperty() {
    return mrz;
  }

  public BooleanProperty originalSeenProperty() {
    return originalSeen;
  }

  /** The surname as the document's visual zone prints it, with its accents. */
  public StringProperty printedSurnameProperty() {
    return printedSurname;
  }

  /** The given names as the visual zone prints them, in order, separated by spaces or commas. */
  public StringProperty printedGivenNamesProperty() {
    return printedGivenNames;
  }

  /** The birth date as the visual zone prints it, jj/mm/aaaa. */
  public StringProperty printedBirthDateProperty() {
    return printedBirthDate;
  }

  /** The officer's written reason for accepting names that differ from the dossier's. */
  public StringProperty mismatchReasonProperty() {
    return mismatchReason;
  }

  /** The names read from the document, once the surname and a readable birth date are typed. */
  Optional<NameCheck> nameCheck() {
    Optional<LocalDate> born = printedBirthDay();
    if (printedSurname.get().isBlank() || born.isEmpty()) {
      return Optional.empty();
    }
    List<String> given =
        Arrays.stream(printedGivenNames.get().strip().split("[,\\s]+"))
            .filter(name -> !name.isEmpty())
            .toList();
    return Optional.of(
        new NameCheck(
            new VisualZone(printedSurname.get().strip(), given, born.get()),
            mismatchReason.get().strip()));
  }

  private Optional<LocalDate> printedBirthDay() {
    try {
      return Optional.of(LocalDate.parse(printedBirthDate.get().strip(), CompanyStepViewModel.DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
