package fr.aed.station.app.gui;

import fr.aed.station.app.company.CompanyEvidence;
import fr.aed.station.app.company.CompanyRegistrationCheck;
import fr.aed.station.app.company.CompanyVerdict;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The company step: SIREN, SIRET and the Kbis extract's date, checked as the officer types; and
 * where the holder's authority to represent the company comes from (TS 119 461 BIN-8.4.5,
 * COL-8.2.2.3-03): named on the extract, or a delegation signed by a legal representative, whose
 * mandate and identity document copy the officer keeps.
 */
public final class CompanyStepViewModel {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Company company;
  private final LocalDate meetingDay;
  private final StringProperty siren = new SimpleStringProperty();
  private final StringProperty siret = new SimpleStringProperty();
  private final StringProperty kbisDate = new SimpleStringProperty();
  private final StringProperty kbisOverride = new SimpleStringProperty();
  private final ObjectProperty<AuthoritySource> authoritySource = new SimpleObjectProperty<>();
  private final StringProperty extractReference = new SimpleStringProperty("");
  private final StringProperty mandate = new SimpleStringProperty("");
  private final BooleanProperty grantorDocumentKept = new SimpleBooleanProperty();
  private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper();

  CompanyStepViewModel(Company company, MeetingRecord meeting) {
    this.company = company;
    this.meetingDay = meeting.heldAt().toLocalDate();
    siren.set(company.siren());
    siret.set(company.siret());
    kbisDate.set(DAY.format(meeting.kbisDate()));
    kbisOverride.set(meeting.kbisOverride());
    // The dossier says whether the holder acts under a mandate; the officer confirms it here.
    mandate.set(meeting.mandate());
    authoritySource.set(
        meeting.actsUnderMandate()
            ? AuthoritySource.DELEGATION
            : AuthoritySource.LEGAL_REPRESENTATIVE);
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
    verdict.checks().forEach(c -> lines.add(new CheckLine(c.passed(), Texts.of(c.message()))));
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

  /** Named on the extract, or a delegation signed by a legal representative. */
  public ObjectProperty<AuthoritySource> authoritySourceProperty() {
    return authoritySource;
  }

  /** The extract's reference: the register and its number, or the extract's management number. */
  public StringProperty extractReferenceProperty() {
    return extractReference;
  }

  /** For a delegation: who gave it, to whom, for what, and when. */
  public StringProperty mandateProperty() {
    return mandate;
  }

  /** For a delegation: a copy of the signer's identity document is kept with it. */
  public BooleanProperty grantorDocumentKeptProperty() {
    return grantorDocumentKept;
  }

  /** The holder's authority, once its source is chosen and the extract's reference typed. */
  Optional<RepresentationAuthority> authority() {
    if (authoritySource.get() == null || extractReference.get().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new RepresentationAuthority(
            authoritySource.get(),
            extractReference.get().strip(),
            delegated() && grantorDocumentKept.get()));
  }

  /** The mandate the record keeps: the one typed for a delegation, none otherwise. */
  String recordedMandate() {
    return delegated() ? mandate.get().strip() : "";
  }

  private boolean delegated() {
    return authoritySource.get() == AuthoritySource.DELEGATION;
  }

  public ObservableList<CheckLine> checks() {
    return checks;
  }

  public ReadOnlyBooleanProperty acceptedProperty() {
    return accepted.getReadOnlyProperty();
  }
}
