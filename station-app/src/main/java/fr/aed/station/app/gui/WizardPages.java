package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The wizard's pages before the token: dossier, identity document, company and fees. */
final class WizardPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

  private WizardPages() {}

  static Node dossier(MeetingWizardViewModel model) {
    CheckBox forms = new CheckBox("_Formulaire de demande et conditions d'utilisation signés");
    forms.setId("forms-signed");
    forms.selectedProperty().bindBidirectional(model.formsSignedProperty());
    return new VBox(16, summary(model.imported()), forms);
  }

  private static Node summary(Enrollment enrollment) {
    Dossier dossier = enrollment.dossier();
    Holder holder = dossier.holder();
    Company company = dossier.company();
    MeetingRecord meeting = enrollment.meeting();
    IdentityDocument document = meeting.identityDocument();
    GridPane grid = Forms.grid();
    grid.setId("dossier-summary");
    Forms.row(grid, "Dossier :", Forms.value(dossier.id() + " (" + dossier.orderReference() + ")"));
    Forms.row(grid, "Produit :", Forms.value(dossier.product()));
    Forms.row(grid, "Validité :", Forms.value(dossier.validityYears() + " an(s)"));
    Forms.row(
        grid,
        "Titulaire :",
        Forms.value(holder.surname() + " " + String.join(" ", holder.givenNames())));
    Forms.row(
        grid,
        "Né(e) le :",
        Forms.value(DAY.format(holder.birthDate()) + " à " + holder.birthPlace()));
    Forms.row(grid, "Courriel :", Forms.value(holder.email()));
    Forms.row(grid, "Téléphone :", Forms.value(holder.phone()));
    Forms.row(grid, "Entreprise :", Forms.value(company.name() + " (" + company.legalForm() + ")"));
    Forms.row(grid, "Qualité :", Forms.value(company.holderRole()));
    Forms.row(
        grid,
        "Pièce saisie :",
        Forms.value(
            document.type().label()
                + " n° "
                + document.number()
                + ", "
                + document.issuingState()
                + ", valable jusqu'au "
                + DAY.format(document.expiryDate())));
    Forms.row(grid, "Opérateur :", Forms.value(meeting.officer().name()));
    Forms.row(
        grid,
        "Rendez-vous :",
        Forms.value(meeting.place() + ", le " + DAY_TIME.format(meeting.heldAt())));
    if (meeting.actsUnderMandate()) {
      Forms.row(grid, "Mandat :", Forms.value(meeting.mandate()));
    }
    return grid;
  }

  static Node identity(IdentityStepViewModel model) {
    TextArea mrz = new TextArea();
    mrz.setId("mrz");
    mrz.setPrefRowCount(3);
    mrz.getStyleClass().add("mrz");
    Forms.tabLeaves(mrz);
    mrz.textProperty().bindBidirectional(model.mrzProperty());
    CheckBox original = new CheckBox("_Original présenté");
    original.setId("original-seen");
    original.selectedProperty().bindBidirectional(model.originalSeenProperty());
    CheckBox photo = new CheckBox("P_hoto conforme");
    photo.setId("photo-matches");
    photo.selectedProperty().bindBidirectional(model.photoMatchesProperty());
    return new VBox(
        8,
        Forms.labelFor("Bande _MRZ (saisie, collée ou lue) :", mrz),
        mrz,
        new Label("Contrôles :"),
        Forms.checkList("mrz-checks", model.checks()),
        original,
        photo);
  }

  static Node company(CompanyStepViewModel model) {
    GridPane grid = Forms.grid();
    Forms.row(grid, "SI_REN :", field("siren", model.sirenProperty()));
    Forms.row(grid, "S_IRET :", field("siret", model.siretProperty()));
    Forms.row(
        grid,
        "Date de l'extrait _Kbis (jj/mm/aaaa) :",
        field("kbis-date", model.kbisDateProperty()));
    TextField override = field("kbis-override", model.kbisOverrideProperty());
    override.setPromptText("Seulement pour un extrait de plus de 3 mois accepté par l'AC");
    override.setPrefColumnCount(40);
    Forms.row(grid, "_Motif de dérogation :", override);
    return new VBox(
        8, grid, new Label("Contrôles :"), Forms.checkList("company-checks", model.checks()));
  }

  private static TextField field(String id, StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.textProperty().bindBidirectional(value);
    return field;
  }

  static Node fees(MeetingWizardViewModel model) {
    ToggleGroup group = new ToggleGroup();
    VBox box = new VBox(8, new Label("Frais de l'opérateur (hors taxes) :"));
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
    return kind.label()
        + " : "
        + kind.amountExclTax()
            .map(amount -> String.format(Locale.FRANCE, "%.2f € HT", amount))
            .orElse("sur devis");
  }
}
