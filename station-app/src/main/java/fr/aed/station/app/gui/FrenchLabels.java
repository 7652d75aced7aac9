package fr.aed.station.app.gui;

import fr.aed.station.app.store.Step;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** How recorded codes read in the window. */
final class FrenchLabels {

  static final Map<String, String> STATUSES =
      Map.of("OPEN", "En cours", "CLOSED", "Clôturée", "REFUSED", "Refusée", "FAILED", "Échouée");

  private static final Map<Step, String> STEPS =
      Map.ofEntries(
          Map.entry(Step.DOSSIER_OPENED, "Dossier ouvert"),
          Map.entry(Step.CHECKS_RECORDED, "Contrôles enregistrés"),
          Map.entry(Step.TOKEN_IDENTIFIED, "Support identifié"),
          Map.entry(Step.PIN_VERIFIED, "Code PIN vérifié"),
          Map.entry(Step.KEY_GENERATED, "Bi-clé générée"),
          Map.entry(Step.REQUEST_BUILT, "Demande construite"),
          Map.entry(Step.SHEET_PRODUCED, "Fiche produite"),
          Map.entry(Step.HOLDER_SIGNATURE_ATTACHED, "Fiche signée par le titulaire jointe"),
          Map.entry(Step.SHEET_SIGNED, "Fiche signée par l'opérateur"),
          Map.entry(Step.CLOSED, "Clôturée"),
          Map.entry(Step.REFUSED, "Refusée"),
          Map.entry(Step.FAILED, "Échouée"));

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private FrenchLabels() {}

  static String status(String code) {
    return code == null ? "" : STATUSES.getOrDefault(code, code);
  }

  static String step(String code) {
    try {
      return code == null ? "" : STEPS.get(Step.valueOf(code));
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  /** An ISO-8601 instant or local date-time as the officer reads it; unchanged if unreadable. */
  static String dateTime(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.systemDefault()).format(DAY_TIME);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(iso).format(DAY_TIME);
      } catch (DateTimeParseException again) {
        return iso;
      }
    }
  }
}
