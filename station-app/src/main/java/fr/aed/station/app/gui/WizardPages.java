package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.domain.Attestation;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The wizard's pages before the token: dossier, identity document, company and fees. */
final class WizardPages {

  private WizardPages() {}

  static Node dossier(MeetingWizardViewModel model) {
    return new VBox(
        16,
        summary(model.imported()),
        attestation(
            model.attestations(),
            Attestation.FORMS_SIGNED,
            "forms-signed",
            Texts.get("dossier.forms-signed"),
            model.formsSignedProperty()));
  }

  /**
   * The box the officer ticks at the meeting, with "to confirm" (neutral) until ticked, then who
   * ticked it and when; and, when the file says the portal collected it, that hint.
   */
  private static Node attestation(
      MeetingAttestations attestations,
      Attestation which,
      String id,
      String text,
      BooleanProperty ticked) {
    CheckBox box = new CheckBox(text);
    box.setId(id);
    box.setWrapText(true);
    box.setMinHeight(Region.USE_PREF_SIZE);
    box.selectedProperty().bindBidirectional(ticked);
    Label status = new Label();
    status.setId(id + "-status");
    status.getStyleClass().add("attestation-status");
    status.textProperty().bind(attestations.statusProperty(which));
    status.setMinWidth(Region.USE_PREF_SIZE);
    status
        .textProperty()
        .addListener((obs, old, now) -> pendingStyle(status, attestations.pending(which)));
    pendingStyle(status, attestations.pending(which));
    HBox line = new HBox(12, box, status);
    line.setAlignment(Pos.BASELINE_LEFT);
    if (!attestations.collectedByPortal(which)) {
      return line;
    }
    Label portal = new Label(Texts.get("attestation.portal"));
    portal.setId(id + "-portal");
    portal.getStyleClass().add(Styles.TEXT_MUTED);
    portal.setWrapText(true);
    portal.setMinHeight(Region.USE_PREF_SIZE);
    portal.setPadding(new Insets(0, 0, 0, 24));
    return new VBox(2, line, portal);
  }

  private static void pendingStyle(Label status, boolean pending) {
    status.getStyleClass().removeAll("attestation-pending", "attestation-confirmed");
    status.getStyleClass().add(pending ? "attestation-pending" : "attestation-confirmed");
  }

  private static Node summary(Enrollment enrollment) {
    Dossier dossier = enrollment.dossier();
    Holder holder = dossier.holder();
    Company company = dossier.company();
    MeetingRecord meeting = enrollment.meeting();
    IdentityDocument document = meeting.identityDocument();
    DateTimeFormatter day = DateTimeFormatter.ofPattern(Texts.get("format.day"), Texts.locale());
    GridPane grid = Forms.grid();
    grid.setId("dossier-summary");
    Forms.row(
        grid,
        Texts.get("dossier.dossier"),
        Forms.value(dossier.id() + " (" + dossier.orderReference() + ")"));
    Forms.row(grid, Texts.get("dossier.product"), Forms.value(dossier.product()));
    Forms.row(
        grid,
        Texts.get("dossier.validity"),
        Forms.value(Texts.get("dossier.years", dossier.validityYears())));
    Forms.row(
        grid,
        Texts.get("dossier.holder"),
        Forms.value(holder.surname() + " " + String.join(" ", holder.givenNames())));
    Forms.row(
        grid,
        Texts.get("dossier.born"),
        Forms.value(
            Texts.get("dossier.born-value", day.format(holder.birthDate()), holder.birthPlace())));
    Forms.row(grid, Texts.get("dossier.email"), Forms.value(holder.email()));
    Forms.row(grid, Texts.get("dossier.phone"), Forms.value(holder.phone()));
    Forms.row(
        grid,
        Texts.get("dossier.company"),
        Forms.value(company.name() + " (" + company.legalForm() + ")"));
    Forms.row(grid, Texts.get("dossier.role"), Forms.value(company.holderRole()));
    Forms.row(
        grid,
        Texts.get("dossier.document"),
        Forms.value(
            Texts.get(
                "dossier.document-value",
                Texts.get("document." + document.type().name()),
                document.number(),
                document.issuingState(),
                day.format(document.expiryDate()))));
    Forms.row(grid, Texts.get("dossier.officer"), Forms.value(meeting.officer().name()));
    Forms.row(
        grid,
        Texts.get("dossier.meeting"),
        Forms.value(
            Texts.get(
                "dossier.meeting-value",
                meeting.place(),
                day.format(meeting.heldAt()),
                DateTimeFormatter.ofPattern("HH:mm").format(meeting.heldAt()))));
    if (meeting.actsUnderMandate()) {
      Forms.row(grid, Texts.get("dossier.mandate"), Forms.value(meeting.mandate()));
    }
    return grid;
  }

  static Node identity(IdentityStepViewModel model, MeetingAttestations attestations) {
    TextArea mrz = new TextArea();
    mrz.setId("mrz");
    mrz.setPrefRowCount(3);
    mrz.getStyleClass().add("mrz");
    Forms.tabLeaves(mrz);
    mrz.textProperty().bindBidirectional(model.mrzProperty());
    Node original =
        attestation(
            attestations,
            Attestation.ORIGINAL_SEEN,
            "original-seen",
            Texts.get("identity.original-seen"),
            model.originalSeenProperty());
    // The box and the fields before the checks: the list grows, they stay where the pointer left
    // them.
    return new VBox(
        8,
        Forms.labelFor(Texts.get("identity.mrz"), mrz),
        mrz,
        original,
        printed(model),
        new Label(Texts.get("checks")),
        Forms.checkList("mrz-checks", model.checks()));
  }

  // The visual zone as printed, typed by the officer: never copied from the dossier.
  private static Node printed(IdentityStepViewModel model) {
    GridPane grid = Forms.grid();
    grid.setId("printed-names");
    Forms.row(
        grid,
        Texts.get("identity.printed-surname"),
        field("printed-surname", model.printedSurnameProperty()));
    Forms.row(
        grid,
        Texts.get("identity.printed-given-names"),
        field("printed-given-names", model.printedGivenNamesProperty()));
    TextField born = field("printed-birth-date", model.printedBirthDateProperty());
    born.setPromptText(Texts.get("identity.printed-birth-date.prompt"));
    Forms.row(grid, Texts.get("identity.printed-birth-date"), born);
    TextField reason = field("names-mismatch-reason", model.mismatchReasonProperty());
    reason.setPromptText(Texts.get("identity.mismatch-reason.prompt"));
    reason.setPrefColumnCount(40);
    Forms.row(grid, Texts.get("identity.mismatch-reason"), reason);
    return new VBox(4, new Label(Texts.get("identity.printed")), grid);
  }

  static Node company(CompanyStepViewModel model) {
    GridPane grid = Forms.grid();
    Forms.row(grid, Texts.get("company.siren"), field("siren", model.sirenProperty()));
    Forms.row(grid, Texts.get("company.siret"), field("siret", model.siretProperty()));
    Forms.row(grid, Texts.get("company.kbis-date"), field("kbis-date", model.kbisDateProperty()));
    TextField override = field("kbis-override", model.kbisOverrideProperty());
    override.setPromptText(Texts.get("company.override.prompt"));
    override.setPrefColumnCount(40);
    Forms.row(grid, Texts.get("company.override"), override);
    return new VBox(
        8,
        grid,
        authority(model),
        new Label(Texts.get("checks")),
        Forms.checkList("company-checks", model.checks()));
  }

  // Where the holder's authority comes from; a delegation asks for its mandate and the signer's
  // identity document copy.
  private static Node authority(CompanyStepViewModel model) {
    ToggleGroup group = new ToggleGroup();
    HBox sources = new HBox(16);
    for (AuthoritySource source : AuthoritySource.values()) {
      RadioButton choice = new RadioButton(Texts.get("authority." + source.name()));
      choice.setId("authority-" + source.name());
      choice.setUserData(source);
      choice.setToggleGroup(group);
      choice.setSelected(source == model.authoritySourceProperty().get());
      sources.getChildren().add(choice);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                model.authoritySourceProperty().set((AuthoritySource) now.getUserData());
              }
            });
    GridPane grid = Forms.grid();
    TextField reference = field("extract-reference", model.extractReferenceProperty());
    reference.setPromptText(Texts.get("company.extract-reference.prompt"));
    reference.setPrefColumnCount(40);
    Forms.row(grid, Texts.get("company.extract-reference"), reference);
    TextArea mandate = new TextArea();
    mandate.setId("mandate");
    mandate.setPrefRowCount(2);
    mandate.setWrapText(true);
    mandate.setPromptText(Texts.get("company.mandate.prompt"));
    Forms.tabLeaves(mandate);
    mandate.textProperty().bindBidirectional(model.mandateProperty());
    CheckBox kept = new CheckBox(Texts.get("company.grantor-document-kept"));
    kept.setId("grantor-document-kept");
    kept.setWrapText(true);
    kept.selectedProperty().bindBidirectional(model.grantorDocumentKeptProperty());
    VBox delegation =
        new VBox(4, Forms.labelFor(Texts.get("company.mandate"), mandate), mandate, kept);
    delegation
        .visibleProperty()
        .bind(model.authoritySourceProperty().isEqualTo(AuthoritySource.DELEGATION));
    delegation.managedProperty().bind(delegation.visibleProperty());
    return new VBox(6, new Label(Texts.get("company.authority")), sources, grid, delegation);
  }

  private static TextField field(String id, StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.textProperty().bindBidirectional(value);
    return field;
  }

  static Node fees(MeetingWizardViewModel model) {
    ToggleGroup group = new ToggleGroup();
    VBox box = new VBox(8, new Label(Texts.get("fees.title")));
    for (FeeKind kind : FeeKind.values()) {
      RadioButton choice = new RadioButton(feeText(kind));
      choice.setId("fee-" + kind.name());
      choice.setUserData(kind);
      choice.setToggleGroup(group);
      choice.setSelected(kind == model.feeProperty().get());
      box.getChildren().add(choice);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                model.feeProperty().set((FeeKind) now.getUserData());
              }
            });
    return box;
  }

  private static String feeText(FeeKind kind) {
    return Texts.get(
        "fees.choice",
        Texts.get("fee." + kind.name()),
        kind.amountExclTax()
            .map(amount -> Texts.get("fees.amount", String.format(Texts.locale(), "%.2f", amount)))
            .orElse(Texts.get("fees.quoted")));
  }
}
