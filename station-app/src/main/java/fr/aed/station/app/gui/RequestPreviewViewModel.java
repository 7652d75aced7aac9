package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.enrollment.LintWords;
import fr.aed.station.app.enrollment.RequestPreview;
import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.token.KeyType;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The certificate request as it will be built, shown on the token step before the holder types the
 * PIN: its subject and the request lint's findings. An error finding blocks the key generation,
 * since the enrollment would refuse the request on it anyway.
 */
public final class RequestPreviewViewModel {

  private final ObservableList<String> subject = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper commonName = new ReadOnlyStringWrapper("");
  private final ObservableList<String> findings = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper blocking = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");

  /** The subject's attributes, one per line, then the e-mail put in the subjectAltName. */
  public ObservableList<String> subject() {
    return subject;
  }

  /** Each finding of the lint, errors first, as "Erreur — …" or "Avertissement — …". */
  public ObservableList<String> findings() {
    return findings;
  }

  /** Whether a finding is an error: the key cannot be generated for this request. */
  public ReadOnlyBooleanProperty blockingProperty() {
    return blocking.getReadOnlyProperty();
  }

  /** The holder's name as the request carries it (its common name). */
  public ReadOnlyStringProperty commonNameProperty() {
    return commonName.getReadOnlyProperty();
  }

  /** One sentence: the request is fine, has warnings, or why the key cannot be generated. */
  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** Builds the preview again from the dossier as checked and the key type chosen. */
  void update(Dossier dossier, KeyType keyType) {
    RequestPreview preview = RequestPreview.of(dossier, keyType);
    commonName.set(preview.subject().commonName() == null ? "" : preview.subject().commonName());
    subject.setAll(
        preview.subjectAttributes().stream().map(RequestPreviewViewModel::labelled).toList());
    String email = preview.subject().email();
    if (email != null && !email.isBlank()) {
      subject.add(Texts.get("request.email", email));
    }
    findings.setAll(
        preview.findings().stream()
            .sorted((a, b) -> a.severity().compareTo(b.severity()))
            .map(RequestPreviewViewModel::line)
            .toList());
    long errors = preview.errors().size();
    blocking.set(errors > 0);
    if (errors > 0) {
      verdict.set(Texts.get("request.blocked", Texts.of(LintWords.of(preview.errors().get(0)))));
    } else if (!preview.findings().isEmpty()) {
      verdict.set(Texts.get("request.warnings", preview.findings().size()));
    } else {
      verdict.set(Texts.get("request.clean"));
    }
  }

  // "CN=..." reads "Nom : ...": the attribute's name in the officer's words, else as it is.
  private static String labelled(String attribute) {
    int equals = attribute.indexOf('=');
    String name = attribute.substring(0, equals);
    String key = "subject-attribute." + name.toUpperCase(java.util.Locale.ROOT);
    String label = Catalogue.knows(key) ? Texts.of(Message.of(key)) : name;
    return Texts.get("request.line", label, attribute.substring(equals + 1));
  }

  private static String line(LintFinding finding) {
    return Texts.get(
        finding.isError() ? "request.finding.error" : "request.finding.warning",
        Texts.of(LintWords.of(finding)));
  }
}
