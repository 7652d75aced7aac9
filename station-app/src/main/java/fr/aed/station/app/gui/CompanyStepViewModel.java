package fr.aed.station.app.gui;

import fr.aed.station.app.company.CompanyEvidence;
import fr.aed.station.app.company.CompanyRegistrationCheck;
import fr.aed.station.app.company.CompanyVerdict;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.MeetingRecord;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The company step: SIREN, SIRET and the Kbis extract's date, checked as the officer types. */
public final class CompanyStepViewModel {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Company company;
  private final LocalDate meetingDay;
  private final StringProperty siren = new SimpleStringProperty();
  private final StringProperty siret = new SimpleStringProperty();
  private final StringProperty kbisDate = new SimpleStringProperty();
  private final StringProperty kbisOverride = new SimpleStringProperty();
  private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper();

  CompanyStepViewModel(Company company, MeetingRecord meeting) {
    this.company = company;
    this.meetingDay = meeting.heldAt().toLocalDate();
    siren.set(company.siren());
    siret.set(company.siret());
    kbisDate.set(DAY.format(meeting.kbisDate()));
    kbisOverride.set(meeting.kbisOverride());
    siren.addListener((obs, old, now) -> check());
    siret.addListener((obs, old, now) -> check());
    kbisDate.addListener((obs, old, now) -> check());
    check();
  }

  private void check() {
    Optional<LocalDate> kbis = kbisDay();
    CompanyVerdict verdict =
        CompanyRegistrationCheck.verify(
            new CompanyEvidence(
                blankToNull(siren.get()),
                blankToNull(siret.get()),
                null,
                kbis.orElse(null),
                null,
                null),
            meetingDay);
    List<CheckLine> lines = new ArrayList<>();
    verdict.checks().forEach(c -> lines.add(new CheckLine(c.passed(), c.reason())));
    if (kbis.isEmpty()) {
      lines.add(new CheckLine(false, Texts.get("company.kbis-unreadable")));
    }
    checks.setAll(CheckLine.refusedFirst(lines));
    accepted.set(verdict.accepted() && kbis.isPresent());
  }

  /** The Kbis date as typed, when it reads as a day. */
  Optional<LocalDate> kbisDay() {
    try {
      return Optional.of(LocalDate.parse(kbisDate.get().strip(), DAY));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The dossier's company with the identifiers as typed. */
  Company company() {
    return new Company(
        company.name(),
        company.legalForm(),
        compact(siren.get()),
        compact(siret.get()),
        company.holderRole());
  }

  private static String compact(String typed) {
    return typed == null ? "" : typed.replaceAll("\\s", "");
  }

  private static String blankToNull(String typed) {
    return typed == null || typed.isBlank() ? null : typed;
  }

  public StringProperty sirenProperty() {
    return siren;
  }

  public StringProperty siretProperty() {
    return siret;
  }

  /** The extract's date, jj/mm/aaaa. */
  public StringProperty kbisDateProperty() {
    return kbisDate;
  }

  /**
   * The officer's written reason for accepting an extract the 3-month rule refuses; empty when the
   * rule is met.
   */
  public StringProperty kbisOverrideProperty() {
    return kbisOverride;
  }

  public ObservableList<CheckLine> checks() {
    return checks;
  }

  public ReadOnlyBooleanProperty acceptedProperty() {
    return accepted.getReadOnlyProperty();
  }
}
