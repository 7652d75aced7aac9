package fr.aed.station.app.identity;

import fr.aed.station.app.domain.Holder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the names read in the MRZ with the dossier's holder, as ICAO 9303 transliterates the
 * dossier's ({@link Transliteration}: {@code Müller} is {@code MUELLER} or {@code MULLER}). A name
 * cut short because its MRZ field is full passes when the dossier's name starts with it; the legacy
 * ID card has room for the first given names only, so there the dossier's leading given names
 * suffice.
 */
final class HolderNameComparison {

  private HolderNameComparison() {}

  /** The surname and given-name checks. */
  static List<DocumentCheck> compare(MrzReading reading, Holder holder, boolean legacyCard) {
    MrzFields fields = reading.fields();
    List<DocumentCheck> checks = new ArrayList<>();
    checks.add(surname(fields.surname(), holder.surname(), reading.namesTruncated()));
    checks.add(
        givenNames(
            String.join(" ", fields.givenNames()),
            String.join(" ", holder.givenNames()),
            reading.namesTruncated(),
            legacyCard));
    if (fields.birthDate() != null) {
      checks.add(birthDate(fields.birthDate(), holder.birthDate()));
    }
    return checks;
  }

  // The sheet prints the dossier's birth date beside "MRZ checked": they must be the same day.
  private static DocumentCheck birthDate(LocalDate mrz, LocalDate dossier) {
    DocumentCheckCode code = DocumentCheckCode.HOLDER_BIRTH_DATE;
    if (mrz.equals(dossier)) {
      return DocumentCheck.passed(code, "mrz.holder.birth-date-same", mrz);
    }
    return dossier == null
        ? DocumentCheck.failed(code, "mrz.holder.birth-date-missing", mrz)
        : DocumentCheck.failed(code, "mrz.holder.birth-date-differs", mrz, dossier);
  }

  private static DocumentCheck surname(String mrz, String dossier, boolean truncated) {
    DocumentCheckCode code = DocumentCheckCode.SURNAME;
    if (Transliteration.sameName(mrz, dossier)) {
      return DocumentCheck.passed(code, "mrz.holder.surname-same", dossier);
    }
    if (truncated && Transliteration.startsName(mrz, dossier)) {
      return DocumentCheck.passed(code, "mrz.holder.surname-truncated", mrz, dossier);
    }
    return DocumentCheck.failed(code, "mrz.holder.surname-differs", mrz, dossier);
  }

  private static DocumentCheck givenNames(
      String mrz, String dossier, boolean truncated, boolean legacyCard) {
    DocumentCheckCode code = DocumentCheckCode.GIVEN_NAMES;
    if (Transliteration.sameName(mrz, dossier) || mrz.isBlank() && dossier.isBlank()) {
      return DocumentCheck.passed(code, "mrz.holder.given-names-same", dossier);
    }
    if (truncated && Transliteration.startsName(mrz, dossier)) {
      return DocumentCheck.passed(code, "mrz.holder.given-names-truncated", mrz, dossier);
    }
    if (legacyCard && leadingWords(mrz, dossier)) {
      return DocumentCheck.passed(code, "mrz.holder.given-names-first", mrz, dossier);
    }
    return DocumentCheck.failed(code, "mrz.holder.given-names-differ", mrz, dossier);
  }

  /** Whether the zone's names are the dossier's first whole words, transliterated. */
  private static boolean leadingWords(String mrz, String dossier) {
    StringBuilder leading = new StringBuilder();
    for (String word : dossier.split("[^\\p{L}\\p{M}'’]+")) {
      leading.append(word).append(' ');
      if (Transliteration.sameName(mrz, leading.toString())) {
        return true;
      }
    }
    return false;
  }
}
