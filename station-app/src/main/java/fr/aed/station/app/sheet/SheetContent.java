package fr.aed.station.app.sheet;

import static fr.aed.station.app.sheet.FrenchFormat.date;
import static fr.aed.station.app.sheet.FrenchFormat.text;
import static fr.aed.station.app.sheet.FrenchFormat.time;
import static fr.aed.station.app.sheet.FrenchFormat.yesNo;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.sheet.SheetItem.Field;
import fr.aed.station.app.sheet.SheetItem.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The French text of the intervention sheet, section by section (domain.md section 6), before any
 * layout. Values that were not recorded are printed as a dash.
 */
public final class SheetContent {

  /** The title printed at the top of the first page. */
  public static final String TITLE = "Fiche de rendez-vous en face à face";

  /** The certificate policy the registration is done for (RGS** = QCP-n-qscd). */
  public static final String POLICY = "RGS** / ETSI EN 319 411-1 QCP-n-qscd";

  // The holder's duties and consents of ETSI EN 319 411-1 REG-6.3.4-10A/11A, in our own words.
  private static final List<String> DECLARATIONS =
      List.of(
          "Les informations que j'ai fournies et qui figurent sur cette fiche sont exactes et"
              + " complètes.",
          "J'utilise le support cryptographique qualifié décrit ci-dessus et je garde le contrôle"
              + " exclusif de ma clé privée et de son code PIN.",
          "Ma clé privée a été générée dans ce support lors du rendez-vous ; elle n'en sort pas et"
              + " n'est utilisée qu'à l'intérieur de celui-ci.",
          "Je signalerai sans délai à l'autorité de certification la perte ou le vol du support et"
              + " toute compromission de son code PIN.",
          "J'accepte que les données et justificatifs de mon enregistrement soient conservés au"
              + " moins 7 ans après la fin de validité du certificat, et que le certificat soit"
              + " publié.");

  private SheetContent() {}

  /**
   * The sections of the sheet, in printing order.
   *
   * @throws NullPointerException if the sheet lacks its enrollment, dossier, meeting, holder,
   *     company, officer, identity document or device
   */
  public static List<SheetSection> sections(InterventionSheet sheet) {
    Dossier dossier = sheet.enrollment().dossier();
    MeetingRecord meeting = sheet.enrollment().meeting();
    return List.of(
        header(sheet, dossier),
        officer(meeting.officer()),
        meeting(meeting),
        holder(dossier.holder()),
        identityDocument(meeting),
        company(dossier.company(), meeting),
        ConformitySection.of(sheet),
        device(Objects.requireNonNull(sheet.device(), "device")),
        new SheetSection(
            "Demande de certificat", List.copyOf(RequestSubjectLines.of(sheet.requestSubject()))),
        fee(meeting),
        new SheetSection(
            "Déclarations du titulaire",
            DECLARATIONS.stream().<SheetItem>map(Statement::new).toList()),
        postalChecklist(meeting));
  }

  /** The paper originals the officer posts to the certificate authority, to tick off. */
  static SheetSection postalChecklist(MeetingRecord meeting) {
    List<String> originals =
        new java.util.ArrayList<>(
            List.of(
                "Formulaire de demande de certificat signé par le titulaire",
                "La présente fiche, signée par le titulaire et par l'opérateur",
                "Copie de la pièce d'identité présentée (recto et verso)",
                "Extrait Kbis (ou extrait d'un autre registre) de moins de 3 mois"));
    if (meeting.actsUnderMandate()) {
      originals.add("Mandat donné au titulaire par le représentant légal");
    }
    return new SheetSection(
        "Originaux à envoyer par courrier à l'autorité de certification",
        originals.stream().<SheetItem>map(item -> new Statement("[  ] " + item)).toList());
  }

  /** The holder's box then the officer's, both dated on the meeting day. */
  public static List<SignatureBox> signatureBoxes(InterventionSheet sheet) {
    MeetingRecord meeting = sheet.enrollment().meeting();
    String place = text(meeting.place());
    String day = date(meeting.heldAt());
    return List.of(
        new SignatureBox(
            Signer.HOLDER,
            "Le titulaire",
            sheet.enrollment().dossier().holder().fullName(),
            place,
            day),
        new SignatureBox(
            Signer.OFFICER, "L'opérateur d'AED", text(meeting.officer().name()), place, day));
  }

  private static SheetSection header(InterventionSheet sheet, Dossier dossier) {
    return new SheetSection(
        "Autorité de certification",
        List.of(
            new Field("Produit", text(dossier.product()) + validity(dossier.validityYears())),
            new Field("Politique de certification", POLICY),
            new Field("Dossier n°", text(dossier.id())),
            new Field("Référence de commande", text(dossier.orderReference())),
            new Field("Fiche n°", text(sheet.sheetId())),
            new Field(
                "Fiche établie le", date(sheet.producedAt()) + " à " + time(sheet.producedAt()))));
  }

  private static String validity(int years) {
    return years > 0 ? " — validité " + years + (years > 1 ? " ans" : " an") : "";
  }

  private static SheetSection officer(Officer officer) {
    return new SheetSection(
        "Opérateur d'AED",
        List.of(
            new Field("Nom", text(officer.name())),
            new Field("Étude", text(officer.office())),
            new Field("Adresse", text(officer.address())),
            new Field("Identifiant AED", text(officer.aedIdentifier()))));
  }

  private static SheetSection meeting(MeetingRecord meeting) {
    return new SheetSection(
        "Date, heure et lieu du rendez-vous",
        List.of(
            new Field("Date", date(meeting.heldAt())),
            new Field("Heure", time(meeting.heldAt())),
            new Field("Lieu", text(meeting.place())),
            new Field("Demande et conditions signées", yesNo(meeting.formsSigned()))));
  }

  private static SheetSection holder(Holder holder) {
    return new SheetSection(
        "Titulaire",
        List.of(
            new Field("Nom", text(holder.surname())),
            new Field("Prénoms", text(String.join(", ", holder.givenNames()))),
            new Field("Date de naissance", date(holder.birthDate())),
            new Field("Lieu de naissance", text(holder.birthPlace())),
            new Field("Adresse électronique", text(holder.email())),
            new Field("Téléphone", text(holder.phone()))));
  }

  private static SheetSection identityDocument(MeetingRecord meeting) {
    IdentityDocument document = meeting.identityDocument();
    return new SheetSection(
        "Pièce d'identité",
        List.of(
            new Field(
                "Type", document.type() == null ? FrenchFormat.MISSING : document.type().label()),
            new Field("Numéro", text(document.number())),
            new Field("État de délivrance", text(document.issuingState())),
            new Field("Fin de validité", date(document.expiryDate())),
            new Field("Bande MRZ", mrzResult(meeting)),
            new Field("Original présenté", yesNo(meeting.originalSeen())),
            new Field("Photo conforme", yesNo(meeting.photoMatches()))));
  }

  // The sheet is produced only once the rules accepted the MRZ: layout, every check digit,
  // validity on the meeting day, and the holder's name.
  private static String mrzResult(MeetingRecord meeting) {
    return meeting.mrz().isBlank()
        ? "non saisie"
        : "contrôlée : structure, clés de contrôle, validité et nom conformes";
  }

  private static SheetSection company(Company company, MeetingRecord meeting) {
    return new SheetSection(
        "Entreprise",
        List.of(
            new Field("Dénomination", text(company.name())),
            new Field("Forme juridique", text(company.legalForm())),
            new Field("SIREN", text(company.siren())),
            new Field("SIRET", text(company.siret())),
            new Field("Qualité du titulaire", text(company.holderRole())),
            new Field(
                "Mandat",
                meeting.actsUnderMandate()
                    ? text(meeting.mandate())
                    : "Aucun : le titulaire est le représentant légal"),
            new Field("Date de l'extrait Kbis", date(meeting.kbisDate())),
            new Field(
                "Dérogation de l'opérateur",
                meeting.kbisOverridden() ? text(meeting.kbisOverride()) : "aucune")));
  }

  private static SheetSection device(DeviceRecord device) {
    return new SheetSection(
        "Support cryptographique",
        List.of(
            new Field("Accès au support", backend(device.backend())),
            new Field("Modèle", text(device.model())),
            new Field("Numéro de série", text(device.serial())),
            new Field("Algorithme de la clé", text(device.keyAlgorithm())),
            new Field("Génération de la clé", keyGeneration(device.keyGeneratedOnToken())),
            new Field("SHA-256 de la clé publique", text(device.publicKeySha256())),
            new Field("Empreinte de la demande (SHA-256)", text(device.csrSha256()))));
  }

  // The record names how the station reached the token in its own terms; the sheet says it.
  private static String backend(String recorded) {
    if ("PIV over PC/SC".equals(recorded)) {
      return "carte à puce (PIV), par un lecteur de cartes";
    }
    if ("PKCS#11".equals(recorded)) {
      return "par le logiciel du fabricant du support (PKCS#11)";
    }
    return text(recorded);
  }

  private static String keyGeneration(String recorded) {
    return text(KeyGenerationLine.of(recorded));
  }

  private static SheetSection fee(MeetingRecord meeting) {
    return new SheetSection(
        "Honoraires",
        List.of(
            new Field(
                "Prestation", meeting.fee() == null ? FrenchFormat.MISSING : meeting.fee().label()),
            new Field("Montant", FrenchFormat.feeAmount(meeting.fee())),
            new Field("Taxes", "TVA en sus, au taux en vigueur")));
  }
}
