package fr.aed.station.app.sheet;

import fr.aed.station.app.audit.EvidenceKind;
import fr.aed.station.app.audit.Finding;
import fr.aed.station.app.audit.MeetingConformity;
import fr.aed.station.app.audit.RequirementMap;
import fr.aed.station.app.audit.Verdict;
import fr.aed.station.app.sheet.SheetItem.Field;
import fr.aed.station.app.sheet.SheetItem.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sheet's <i>Conformité</i> section: the identity proofing the officer recorded (the document
 * examined, the portrait, the names, the authority, the officer's training, the holder's consent),
 * in the words of the audit, and how many requirements of the map it meets. The requirements of the
 * record itself (the signed sheet, the seal, the retention) come after the sheet: {@code station
 * audit} judges them.
 */
final class ConformitySection {

  static final String TITLE = "Conformité";

  private ConformitySection() {}

  static SheetSection of(InterventionSheet sheet) {
    if (sheet.enrollment().meeting().proofing() == null) {
      return new SheetSection(
          TITLE, List.of(new Statement("Vérification d'identité non enregistrée.")));
    }
    MeetingConformity conformity =
        MeetingConformity.of(
            sheet.enrollment(),
            sheet.drawProvenance(),
            sheet.producedAt().toInstant(),
            RequirementMap.builtIn(),
            sheet.catalogue(),
            Locale.FRENCH);
    List<SheetItem> items = new ArrayList<>();
    items.add(field(conformity, "Pièce examinée", EvidenceKind.DOCUMENT_ACCEPTED));
    items.add(field(conformity, "Référence", EvidenceKind.REFERENCE_MATERIAL));
    items.add(field(conformity, "Éléments de sécurité", EvidenceKind.FEATURES_CHECKED));
    items.add(field(conformity, "Portrait", EvidenceKind.PORTRAIT_VERDICT));
    items.add(field(conformity, "Traits comparés", EvidenceKind.PORTRAIT_FEATURES));
    items.add(field(conformity, "Durée de la comparaison", EvidenceKind.PORTRAIT_TIME));
    items.add(field(conformity, "Noms et date de naissance", EvidenceKind.NAMES));
    items.add(field(conformity, "Pouvoir de représenter", EvidenceKind.AUTHORITY));
    items.add(field(conformity, "Délégation", EvidenceKind.DELEGATION));
    items.add(field(conformity, "Formation de l'opérateur", EvidenceKind.OFFICER_TRAINING));
    items.add(field(conformity, "Consentement du titulaire", EvidenceKind.CONSENT));
    items.add(new Field("Exigences", count(conformity)));
    return new SheetSection(TITLE, items);
  }

  private static Field field(MeetingConformity conformity, String label, EvidenceKind kind) {
    return new Field(
        label,
        conformity.findings().stream()
            .filter(finding -> finding.requirement().evidence() == kind)
            .findFirst()
            .map(finding -> finding.evidence().inFrench())
            .orElse(FrenchFormat.MISSING));
  }

  private static String count(MeetingConformity conformity) {
    long met = conformity.count(Verdict.MET);
    long notApplicable = conformity.count(Verdict.NOT_APPLICABLE);
    int judged = conformity.findings().size();
    String notMet =
        conformity.findings().stream()
            .filter(finding -> finding.verdict() == Verdict.NOT_MET)
            .map(Finding::requirement)
            .map(requirement -> requirement.id())
            .collect(Collectors.joining(", "));
    return met
        + (met > 1 ? " satisfaites" : " satisfaite")
        + " et "
        + notApplicable
        + " sans objet sur les "
        + judged
        + " exigences vérifiées au rendez-vous"
        + (notMet.isEmpty() ? "" : " ; non satisfaites : " + notMet)
        + " (table des exigences "
        + conformity.mapVersion()
        + ") ; les "
        + (conformity.total() - judged)
        + " autres (fiche signée, sceau du journal, conservation) sont vérifiées par l'audit de"
        + " l'intervention.";
  }
}
