package fr.aed.station.app.company;

import fr.aed.station.app.domain.CompanyIdentifiers;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.identity.NameFolding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a company's identifiers, register extract and name before the meeting goes on. Never
 * throws on bad input: every problem is a failed check with its reason.
 */
public final class CompanyRegistrationCheck {

  /** The register extract must be strictly less than this old on the meeting day. */
  public static final int KBIS_MAX_AGE_MONTHS = MeetingRecord.EXTRACT_MAX_AGE_MONTHS;

  private CompanyRegistrationCheck() {}

  /**
   * Checks the evidence given.
   *
   * @param evidence what the officer has; parts left {@code null} are not checked
   * @param meetingDay the day of the meeting
   */
  public static CompanyVerdict verify(CompanyEvidence evidence, LocalDate meetingDay) {
    Objects.requireNonNull(meetingDay, "meetingDay");
    CompanyVerdict identifiers = verifyIdentifiers(evidence.siren(), evidence.siret());
    List<CompanyCheck> checks = new ArrayList<>(identifiers.checks());
    String effectiveSiren = identifiers.siren();
    if (evidence.vatNumber() != null) {
      checks.add(CompanyNumberChecks.vatNumber(compact(evidence.vatNumber()), effectiveSiren));
    }
    if (evidence.kbisDate() != null) {
      checks.add(kbisDate(evidence.kbisDate(), meetingDay));
    }
    if (evidence.nameOnKbis() != null && evidence.dossierName() != null) {
      checks.add(name(evidence.nameOnKbis(), evidence.dossierName()));
    }
    return new CompanyVerdict(
        checks, effectiveSiren, identifiers.siret(), identifiers.expectedVatNumber());
  }

  /**
   * Checks only the SIREN and SIRET as typed (spaces allowed), as a form does field by field; at
   * least one of them is required.
   *
   * @param siren the SIREN, or {@code null}
   * @param siret the SIRET, or {@code null}
   */
  public static CompanyVerdict verifyIdentifiers(String siren, String siret) {
    String compactSiren = compact(siren);
    String compactSiret = compact(siret);
    String effectiveSiren = compactSiren != null ? compactSiren : siretHead(compactSiret);
    String expectedVat =
        CompanyIdentifiers.isValidSiren(effectiveSiren)
            ? CompanyIdentifiers.vatNumber(effectiveSiren)
            : null;
    return new CompanyVerdict(
        identifierChecks(compactSiren, compactSiret), effectiveSiren, compactSiret, expectedVat);
  }

  private static List<CompanyCheck> identifierChecks(String siren, String siret) {
    List<CompanyCheck> checks = new ArrayList<>();
    if (siren == null && siret == null) {
      checks.add(CompanyCheck.failed(CompanyCheckCode.SIREN, "company.none"));
    }
    if (siren != null) {
      checks.add(CompanyNumberChecks.siren(siren));
    }
    if (siret != null) {
      checks.add(CompanyNumberChecks.siret(siret));
    }
    if (siren != null && siret != null) {
      checks.add(CompanyNumberChecks.siretOfSiren(siret, siren));
    }
    return checks;
  }

  static CompanyCheck kbisDate(LocalDate kbisDate, LocalDate meetingDay) {
    CompanyCheckCode code = CompanyCheckCode.KBIS_DATE;
    if (kbisDate.isAfter(meetingDay)) {
      return CompanyCheck.failed(code, "company.kbis.after-meeting", kbisDate, meetingDay);
    }
    LocalDate limit = meetingDay.minusMonths(KBIS_MAX_AGE_MONTHS);
    if (!kbisDate.isAfter(limit)) {
      return CompanyCheck.failed(code, "company.kbis.too-old", kbisDate, meetingDay, limit);
    }
    return CompanyCheck.passed(code, "company.kbis.recent", kbisDate, meetingDay);
  }

  private static CompanyCheck name(String onKbis, String inDossier) {
    CompanyCheckCode code = CompanyCheckCode.COMPANY_NAME;
    String kbisKey = NameFolding.key(onKbis);
    if (!kbisKey.isEmpty() && kbisKey.equals(NameFolding.key(inDossier))) {
      return CompanyCheck.passed(code, "company.name.same", inDossier);
    }
    return CompanyCheck.failed(code, "company.name.differs", onKbis, inDossier);
  }

  /** The identifier without the spaces people type in it, upper-cased; null stays null. */
  static String compact(String typed) {
    return typed == null
        ? null
        : typed.replaceAll("[\\s\\u00A0\\u202F]", "").toUpperCase(Locale.ROOT);
  }

  private static String siretHead(String siret) {
    return siret == null || siret.length() < 9 ? siret : siret.substring(0, 9);
  }
}
