package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.DossierFormField.*;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.DossierRules;
import fr.aed.station.app.dossier.DossierText;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.app.text.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * A dossier entered by hand: every field of the enrollment file that the meeting wizard does not
 * ask for, checked as it is typed with the shared {@link DossierRules} (the reasons the meeting
 * rules and the company checks give), and turned into the very enrollment the file's import would
 * give, to start the meeting or to be saved.
 *
 * <p>The identity document's zone, the officer's confirmations and an override of the Kbis rule are
 * recorded in the wizard, during the meeting: the form leaves them empty.
 */
public final class DossierFormViewModel {

  static final String BUNDLE = "fr.aed.station.app.gui.dossier-form";
  static final String DEFAULT_PRODUCT = "Pack ID RGS**";

  private final StationContext context;
  private final Consumer<Enrollment> meetingOpener;
  private final Runnable onCancel;
  private final ResourceBundle texts;

  private final Map<DossierFormField, StringProperty> values =
      new EnumMap<>(DossierFormField.class);
  private final ObjectProperty<Integer> validityYears = new SimpleObjectProperty<>();
  private final ObjectProperty<IdentityDocumentType> documentType = new SimpleObjectProperty<>();
  private final ObjectProperty<FeeKind> fee = new SimpleObjectProperty<>(FeeKind.AT_OFFICE);
  private final Map<DossierFormField, ReadOnlyStringWrapper> errors =
      new EnumMap<>(DossierFormField.class);
  private final Set<DossierFormField> edited = EnumSet.noneOf(DossierFormField.class);
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final StringProperty message = new SimpleStringProperty("");

  /**
   * @param context the station's shared services (clock, dialogs)
   * @param meetingOpener opens the meeting wizard on the enrollment created
   * @param onCancel goes back to the home screen
   * @param texts the form's texts, from {@link #texts(Locale)}
   */
  public DossierFormViewModel(
      StationContext context,
      Consumer<Enrollment> meetingOpener,
      Runnable onCancel,
      ResourceBundle texts) {
    this.context = context;
    this.meetingOpener = meetingOpener;
    this.onCancel = onCancel;
    this.texts = texts;
    for (DossierFormField field : DossierFormField.values()) {
      errors.put(field, new ReadOnlyStringWrapper(""));
      if (!field.isChoice()) {
        values.put(field, new SimpleStringProperty(""));
      }
      property(field).addListener((obs, old, now) -> edited(field));
    }
    values.get(PRODUCT).set(DEFAULT_PRODUCT);
    values.get(ISSUING_STATE).set("FRA");
    LocalDateTime now = LocalDateTime.now(context.clock()).truncatedTo(ChronoUnit.MINUTES);
    values.get(HELD_AT).set(TypedDossier.DAY_TIME.format(now));
    edited.clear();
    validate();
  }

  /** The form's texts in a language; French when the language has none of its own. */
  public static ResourceBundle texts(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private ObservableValue<?> property(DossierFormField field) {
    return switch (field) {
      case VALIDITY_YEARS -> validityYears;
      case DOCUMENT_TYPE -> documentType;
      case FEE -> fee;
      default -> values.get(field);
    };
  }

  private void edited(DossierFormField field) {
    edited.add(field);
    message.set("");
    validate();
  }

  /**
   * The text of a typed field.
   *
   * @throws IllegalArgumentException for a field picked in a list
   */
  public StringProperty textProperty(DossierFormField field) {
    StringProperty value = values.get(field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is picked in a list");
    }
    return value;
  }

  /** 1, 2 or 3 years; {@code null} until chosen. */
  public ObjectProperty<Integer> validityYearsProperty() {
    return validityYears;
  }

  public ObjectProperty<IdentityDocumentType> documentTypeProperty() {
    return documentType;
  }

  public ObjectProperty<FeeKind> feeProperty() {
    return fee;
  }

  /**
   * Why the field is refused, empty when it is right; an empty required field is only reported once
   * the officer has been in it, the summary counts it from the start.
   */
  public ReadOnlyStringProperty errorProperty(DossierFormField field) {
    return errors.get(field).getReadOnlyProperty();
  }

  /** Whether every field is right: the dossier can be created and saved. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** How many fields are still to fill in or correct; empty when none. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** What happened to the last action (saved, could not save). */
  public StringProperty messageProperty() {
    return message;
  }

  /** The form's texts. */
  public ResourceBundle texts() {
    return texts;
  }

  /** What is typed now, read as values. */
  private TypedDossier typed() {
    Map<DossierFormField, String> texts = new EnumMap<>(DossierFormField.class);
    values.forEach(
        (field, value) -> texts.put(field, value.get() == null ? "" : value.get().strip()));
    return new TypedDossier(texts, validityYears.get(), documentType.get(), fee.get());
  }

  private void validate() {
    TypedDossier typed = typed();
    Map<DossierFormField, String> problems = new EnumMap<>(DossierFormField.class);
    for (DossierFormField field : DossierFormField.values()) {
      problem(typed, field).ifPresent(reason -> problems.put(field, reason));
    }
    for (DossierFormField field : DossierFormField.values()) {
      boolean untouchedAndEmpty = !edited.contains(field) && typed.empty(field);
      errors.get(field).set(untouchedAndEmpty ? "" : problems.getOrDefault(field, ""));
    }
    valid.set(problems.isEmpty());
    summary.set(
        problems.isEmpty()
            ? ""
            : fr.aed.station.app.text.Catalogue.fill(
                texts.getString("summary.toFix"), texts.getLocale(), problems.size()));
  }

  private Optional<String> problem(TypedDossier typed, DossierFormField field) {
    if (typed.empty(field)) {
      return field.isOptional()
          ? Optional.empty()
          : Optional.of(texts.getString(field.isChoice() ? "error.choice" : "error.required"));
    }
    String text = typed.text(field);
    Optional<String> refusedText = textProblem(field, text);
    if (refusedText.isPresent()) {
      return refusedText;
    }
    return rule(typed, field, text).map(message -> message.in(texts.getLocale()));
  }

  // What the dossier's rules say of the field, to be put in the form's language.
  private Optional<Message> rule(TypedDossier typed, DossierFormField field, String text) {
    return switch (field) {
      case VALIDITY_YEARS -> DossierRules.validityYears(typed.validityYears());
      case GIVEN_NAMES ->
          typed.givenNames().isEmpty() ? ruleWords("error.required") : Optional.empty();
      case BIRTH_DATE ->
          typed
              .day(BIRTH_DATE)
              .map(birth -> DossierRules.birthDate(birth, meetingDay(typed)))
              .orElse(ruleWords("error.date"));
      case DOCUMENT_EXPIRY, KBIS_DATE, OFFICER_TRAINED_ON ->
          typed.day(field).isPresent() ? Optional.empty() : ruleWords("error.date");
      case HELD_AT -> typed.heldAt().isPresent() ? Optional.empty() : ruleWords("error.dateTime");
      case EMAIL -> DossierRules.email(text);
      case SIREN -> DossierRules.siren(text);
      case SIRET -> DossierRules.siret(text, typed.text(SIREN));
      case ISSUING_STATE -> DossierRules.issuingState(text);
      default -> Optional.empty();
    };
  }

  // The policy every text of an enrollment file is read with, in the form's words.
  private Optional<String> textProblem(DossierFormField field, String text) {
    if (field.isChoice()) {
      return Optional.empty();
    }
    return DossierText.check(field.filePath(), DossierText.normalized(text))
        .map(
            problem ->
                String.format(
                    texts.getLocale(),
                    texts.getString("error.text." + problem.kind().name().toLowerCase(Locale.ROOT)),
                    problem.bound(),
                    problem.codePoint() < 0 ? "" : DossierText.character(problem.codePoint())));
  }

  // The form's own words, as a message whose code is not the catalogue's: said as they are.
  private Optional<Message> ruleWords(String key) {
    return Optional.of(Message.of("dossier.form-words", texts.getString(key)));
  }

  // Until the meeting's date reads, the birth date is checked against today.
  private LocalDate meetingDay(TypedDossier typed) {
    return typed.heldAt().map(LocalDateTime::toLocalDate).orElse(LocalDate.now(context.clock()));
  }

  /**
   * The enrollment as typed, read back through the enrollment file's parser so that it is exactly
   * what importing the saved file gives; empty while a field is wrong.
   */
  public Optional<Enrollment> enrollment() {
    if (!valid.get()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          EnrollmentFile.parseBeforeProofing(
              "saisie", EnrollmentFile.toJson(typed().enrollment())));
    } catch (DossierFileException e) {
      throw new IllegalStateException("a checked form always reads back", e);
    }
  }

  /** Opens the meeting wizard on the dossier as typed; does nothing while a field is wrong. */
  public void create() {
    enrollment().ifPresent(meetingOpener);
  }

  /** Asks where to save the dossier as an enrollment file, and writes it there. */
  public void save() {
    Optional<Enrollment> enrollment = enrollment();
    if (enrollment.isEmpty()) {
      return;
    }
    String suggested = "dossier-" + enrollment.get().dossier().id() + ".json";
    Optional<Path> file = context.dialogs().chooseEnrollmentFileToSave(suggested);
    if (file.isEmpty()) {
      return;
    }
    try {
      PrivateFiles.write(
          file.get(), EnrollmentFile.toJson(enrollment.get()).getBytes(StandardCharsets.UTF_8));
      message.set(String.format(texts.getLocale(), texts.getString("saved"), file.get()));
    } catch (IOException e) {
      message.set(String.format(texts.getLocale(), texts.getString("saveFailed"), e.getMessage()));
    }
  }

  /** Leaves the form for the home screen; what was typed is dropped. */
  public void cancel() {
    onCancel.run();
  }
}
