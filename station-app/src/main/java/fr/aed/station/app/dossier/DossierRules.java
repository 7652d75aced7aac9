package fr.aed.station.app.dossier;

import fr.aed.station.app.company.CompanyCheck;
import fr.aed.station.app.company.CompanyCheckCode;
import fr.aed.station.app.company.CompanyRegistrationCheck;
import fr.aed.station.app.company.CompanyVerdict;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.profile.RequestLint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rules on a dossier's fields, each giving its reason in French when broken: shared by the
 * meeting rules, the window's dossier form and the company checks, so that a dossier typed by hand
 * is held to what a dossier read from a file is held to.
 */
public final class DossierRules {

  /** The validities a certificate may be ordered for, in years. */
  public static final List<Integer> VALIDITY_YEARS = List.of(1, 2, 3);

  private DossierRules() {}

  /** Why the validity is refused, or empty when it is 1, 2 or 3 years. */
  public static Optional<Message> validityYears(int years) {
    return VALIDITY_YEARS.contains(years)
        ? Optional.empty()
        : Optional.of(Message.of("rules.validity-years"));
  }

  /** Why the holder's e-mail cannot go in the request's subjectAltName, or empty. */
  public static Optional<Message> email(String email) {
    return RequestLint.isEmailAddress(email)
        ? Optional.empty()
        : Optional.of(Message.of("dossier.email-invalid", email));
  }

  /** Why the birth date is refused (not before the meeting day, or before 1900), or empty. */
  public static Optional<Message> birthDate(LocalDate birth, LocalDate meetingDay) {
    if (birth.getYear() < 1900) {
      return Optional.of(Message.of("dossier.birth-before-1900"));
    }
    return birth.isBefore(meetingDay)
        ? Optional.empty()
        : Optional.of(Message.of("dossier.birth-after-meeting"));
  }

  /** Why the SIREN as typed (spaces allowed) is refused, or empty. */
  public static Optional<Message> siren(String siren) {
    return firstFailure(
        CompanyRegistrationCheck.verifyIdentifiers(siren, null), CompanyCheckCode.SIREN);
  }

  /**
   * Why the SIRET as typed (spaces allowed) is refused, or empty; when the SIREN is valid, the
   * SIRET must be one of its establishments.
   */
  public static Optional<Message> siret(String siret, String siren) {
    boolean sirenValid = siren != null && siren(siren).isEmpty();
    CompanyVerdict verdict =
        CompanyRegistrationCheck.verifyIdentifiers(sirenValid ? siren : null, siret);
    return firstFailure(verdict, CompanyCheckCode.SIRET, CompanyCheckCode.SIRET_OF_SIREN);
  }

  /** The SIREN or SIRET as recorded: without the spaces people type in it. */
  public static String compactIdentifier(String typed) {
    return typed.replaceAll("[\\s\\u00A0\\u202F]", "");
  }

  /**
   * Why the issuing state is refused (its ICAO code as in the MRZ: 3 letters, ISO 3166 alpha-3, or
   * Germany's D, with or without the fillers), or empty.
   */
  public static Optional<Message> issuingState(String state) {
    return state.matches("[A-Z][A-Z<]{2}|D")
        ? Optional.empty()
        : Optional.of(Message.of("dossier.issuing-state", state));
  }

  /**
   * Why the text is refused when it holds half a character (a lone UTF-16 surrogate, U+D800 to
   * U+DFFF): the store, the sheet and the request carry UTF-8, which cannot; empty otherwise.
   */
  public static Optional<Message> wholeCharacters(String text) {
    return hasHalfCharacter(text)
        ? Optional.of(Message.of("dossier.half-character"))
        : Optional.empty();
  }

  static boolean hasHalfCharacter(String text) {
    return text.codePoints()
        .anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }

  private static Optional<Message> firstFailure(CompanyVerdict verdict, CompanyCheckCode... codes) {
    List<CompanyCheckCode> wanted = List.of(codes);
    return verdict.failures().stream()
        .filter(check -> wanted.contains(check.code()))
        .map(CompanyCheck::message)
        .findFirst();
  }
}
