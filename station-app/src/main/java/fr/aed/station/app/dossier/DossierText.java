package fr.aed.station.app.dossier;

import fr.aed.station.crypto.profile.CertificateNames;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What any text of a dossier may hold, wherever it is printed (the signed sheet, the record, the
 * terminal, the window): text in NFC, within its field's length, with no control character (a line
 * feed in the MRZ only) and nothing invisible (direction controls, zero-width characters, unpaired
 * surrogates, private or unassigned code points). Required fields are not empty. The names that go
 * into the certificate are held to more: the request lint.
 */
public final class DossierText {

  /** Why a text is refused. */
  public enum Kind {
    EMPTY,
    TOO_SHORT,
    TOO_LONG,
    CONTROL_CHARACTER,
    INVISIBLE_CHARACTER,
    NOT_FOR_CERTIFICATE
  }

  /**
   * A refused text.
   *
   * @param kind what is wrong
   * @param codePoint the refused character, for the two character kinds; else -1
   * @param bound the field's length limit, in characters
   */
  public record Problem(Kind kind, int codePoint, int bound) {}

  /** The length limit of a field not listed: a line of the sheet. */
  static final int DEFAULT_BOUND = 128;

  // Each field's limit, by its path in the enrollment file; a list's elements by the list's path.
  private static final Map<String, Integer> BOUNDS =
      Map.ofEntries(
          Map.entry("dossier.id", 64),
          Map.entry("dossier.orderReference", 64),
          Map.entry("dossier.product", 64),
          Map.entry("dossier.holder.surname", 64),
          Map.entry("dossier.holder.givenNames", 64),
          Map.entry("dossier.holder.birthPlace", 100),
          Map.entry("dossier.holder.email", 254),
          Map.entry("dossier.holder.phone", 32),
          Map.entry("dossier.company.name", 64),
          Map.entry("dossier.company.legalForm", 64),
          Map.entry("dossier.company.siren", 20),
          Map.entry("dossier.company.siret", 24),
          Map.entry("dossier.company.holderRole", 100),
          Map.entry("meeting.officer.name", 100),
          Map.entry("meeting.officer.office", 128),
          Map.entry("meeting.officer.address", 200),
          Map.entry("meeting.officer.aedIdentifier", 64),
          Map.entry("meeting.place", 200),
          Map.entry("meeting.identityDocument.number", 32),
          Map.entry("meeting.identityDocument.issuingState", 3),
          Map.entry("meeting.mrz", 200),
          Map.entry("meeting.kbisOverride", 500),
          Map.entry("meeting.mandate", 500),
          Map.entry("meeting.officer.accreditation", 64),
          Map.entry("meeting.proofing.examination.catalogueVersion", 32),
          Map.entry("meeting.proofing.examination.document", 64),
          Map.entry("meeting.proofing.examination.drawn", 64),
          Map.entry("meeting.proofing.examination.checks.feature", 64),
          Map.entry("meeting.proofing.portrait.differenceReason", 500),
          Map.entry("meeting.proofing.names.visualZone.surname", 64),
          Map.entry("meeting.proofing.names.visualZone.givenNames", 64),
          Map.entry("meeting.proofing.names.mismatchReason", 500),
          Map.entry("meeting.proofing.authority.extractReference", 128),
          Map.entry("meeting.proofing.consent.notice", 32));

  // The fields that may be empty: filled in during the meeting, not needed, or (the document's
  // number and zone) taken out of the record once sealed; a document without them fails its check.
  private static final Set<String> MAY_BE_EMPTY =
      Set.of(
          "meeting.mrz",
          "meeting.kbisOverride",
          "meeting.mandate",
          "meeting.identityDocument.number",
          "meeting.proofing.portrait.differenceReason",
          "meeting.proofing.names.mismatchReason");

  private static final String MULTI_LINE = "meeting.mrz";

  // The fields that go into the certificate: the certificate's name policy applies to them here
  // too, so that an emoji in a company name is refused before the meeting is recorded.
  private static final Set<String> CERTIFICATE_NAMES =
      Set.of("dossier.holder.surname", "dossier.holder.givenNames", "dossier.company.name");

  /** A written reason (for an override) is a sentence, not a tick. */
  public static final int MINIMUM_REASON_LENGTH = 15;

  private static final String REASON = "meeting.kbisOverride";

  private DossierText() {}

  /** The text as recorded: in NFC, so that the sheet, the record and the request say the same. */
  public static String normalized(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * Why the text of a field is refused, or empty when it is fit.
   *
   * @param path the field's path in the enrollment file, such as {@code dossier.holder.surname}
   * @param text the text, in NFC
   */
  public static Optional<Problem> check(String path, String text) {
    int bound = bound(path);
    if (text.isBlank() && !MAY_BE_EMPTY.contains(path)) {
      return Optional.of(new Problem(Kind.EMPTY, -1, bound));
    }
    if (path.equals(REASON) && !text.isBlank() && text.strip().length() < MINIMUM_REASON_LENGTH) {
      return Optional.of(new Problem(Kind.TOO_SHORT, -1, MINIMUM_REASON_LENGTH));
    }
    if (text.codePointCount(0, text.length()) > bound) {
      return Optional.of(new Problem(Kind.TOO_LONG, -1, bound));
    }
    boolean multiLine = path.equals(MULTI_LINE);
    Optional<Problem> character =
        text.codePoints()
            .filter(c -> !(multiLine && (c == '\n' || c == '\r')))
            .mapToObj(c -> refused(c, bound))
            .flatMap(Optional::stream)
            .findFirst();
    if (character.isPresent() || !CERTIFICATE_NAMES.contains(path)) {
      return character;
    }
    return CertificateNames.firstRefused(text).stream()
        .mapToObj(c -> new Problem(Kind.NOT_FOR_CERTIFICATE, c, bound))
        .findFirst();
  }

  /** The field's length limit, in characters. */
  public static int bound(String path) {
    return BOUNDS.getOrDefault(path, DEFAULT_BOUND);
  }

  private static Optional<Problem> refused(int codePoint, int bound) {
    if (Character.isISOControl(codePoint)) {
      return Optional.of(new Problem(Kind.CONTROL_CHARACTER, codePoint, bound));
    }
    return switch (Character.getType(codePoint)) {
      case Character.FORMAT,
              Character.SURROGATE,
              Character.PRIVATE_USE,
              Character.UNASSIGNED,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR ->
          Optional.of(new Problem(Kind.INVISIBLE_CHARACTER, codePoint, bound));
      default -> Optional.empty();
    };
  }

  /** The problem in the words of the enrollment file's messages (English). */
  public static String describe(Problem problem) {
    return switch (problem.kind()) {
      case EMPTY -> "is empty";
      case TOO_SHORT -> "is shorter than " + problem.bound() + " characters: a sentence is needed";
      case TOO_LONG -> "is longer than " + problem.bound() + " characters";
      case CONTROL_CHARACTER -> "contains the control character " + character(problem.codePoint());
      case INVISIBLE_CHARACTER ->
          "contains the invisible character " + character(problem.codePoint());
      case NOT_FOR_CERTIFICATE ->
          "contains "
              + character(problem.codePoint())
              + ", which a name in a certificate must not carry";
    };
  }

  /** A character as messages name it: {@code U+202E (RIGHT-TO-LEFT OVERRIDE)}. */
  public static String character(int codePoint) {
    return CertificateNames.describe(codePoint);
  }
}
