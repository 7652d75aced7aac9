package fr.aed.station.app.rules;

import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.VisualZone;
import fr.aed.station.app.identity.Transliteration;
import fr.aed.station.app.identity.ZoneNames;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The names and birth date printed in the document's visual zone, compared with its
 * machine-readable zone and with the dossier (TS 119 461 VAL-8.3.1-03X, -04X). Names are compared
 * as ICAO Doc 9303 transliterates them ({@link Transliteration}); names that still differ (a usage
 * name, a name changed by marriage) pass only with the officer's written reason. A birth date that
 * differs always refuses.
 */
final class VisualZoneRules {

  private VisualZoneRules() {}

  /**
   * Every reason the names refuse the meeting, added to {@code reasons}.
   *
   * @param names what the officer read in the visual zone
   * @param holder the dossier's holder
   * @param zone the names the machine-readable zone writes, empty when it cannot be read (the
   *     zone's own check refuses it then)
   */
  static void check(
      NameCheck names, Holder holder, Optional<ZoneNames> zone, List<Refusal> reasons) {
    VisualZone printed = names.visualZone();
    checkBirthDate(printed.birthDate(), holder.birthDate(), "proofing.source.dossier", reasons);
    zone.filter(read -> read.birthDate() != null)
        .ifPresent(
            read ->
                checkBirthDate(
                    printed.birthDate(), read.birthDate(), "proofing.source.mrz", reasons));
    // A written reason explains a surname of usage (married, widowed); the given names are the
    // person's whoever they married, and must agree.
    boolean surnameExplained = WrittenReason.given(names.mismatchReason());
    String given = String.join(" ", printed.givenNames());
    if (!surnameExplained && !Transliteration.sameName(printed.surname(), holder.surname())) {
      reasons.add(differs("proofing.name.surname", printed.surname(), "proofing.source.dossier"));
    }
    if (!Transliteration.sameName(given, String.join(" ", holder.givenNames()))) {
      reasons.add(differs("proofing.name.given-names", given, "proofing.source.dossier"));
    }
    zone.ifPresent(read -> checkZone(printed, read, surnameExplained, reasons));
  }

  private static void checkZone(
      VisualZone printed, ZoneNames zone, boolean surnameExplained, List<Refusal> reasons) {
    if (!surnameExplained && !surnameAgrees(printed.surname(), zone)) {
      reasons.add(differs("proofing.name.surname", printed.surname(), "proofing.source.mrz"));
    }
    if (!givenNamesAgree(printed.givenNames(), zone)) {
      reasons.add(
          differs(
              "proofing.name.given-names",
              String.join(" ", printed.givenNames()),
              "proofing.source.mrz"));
    }
  }

  private static boolean surnameAgrees(String printed, ZoneNames zone) {
    return Transliteration.sameName(printed, zone.surname())
        || zone.truncated() && Transliteration.startsName(zone.surname(), printed);
  }

  // The legacy French card has room for the first given names only, the last one maybe cut short.
  private static boolean givenNamesAgree(List<String> printed, ZoneNames zone) {
    String written = String.join(" ", zone.givenNames());
    String all = String.join(" ", printed);
    if (Transliteration.sameName(all, written) || written.isBlank() && all.isBlank()) {
      return true;
    }
    if (zone.truncated() && Transliteration.startsName(written, all)) {
      return true;
    }
    if (!zone.firstGivenNamesOnly()) {
      return false;
    }
    for (int count = 1; count <= printed.size(); count++) {
      if (Transliteration.sameName(written, String.join(" ", printed.subList(0, count)))) {
        return true;
      }
    }
    return false;
  }

  private static void checkBirthDate(
      LocalDate printed, LocalDate other, String source, List<Refusal> reasons) {
    if (printed == null || other == null) {
      if (printed != other) {
        reasons.add(
            Refusal.of("proofing.birth-date-missing", Message.of(source)).citing("VAL-8.3.1-04X"));
      }
    } else if (!printed.equals(other)) {
      reasons.add(
          new Refusal(
                  Message.of("proofing.birth-date-differs", printed, Message.of(source), other),
                  Message.of("proofing.birth-date-differs.recorded", Message.of(source)))
              .citing("VAL-8.3.1-04X"));
    }
  }

  private static Refusal differs(String field, String printed, String source) {
    return new Refusal(
            Message.of("proofing.name-differs", Message.of(field), printed, Message.of(source)),
            Message.of("proofing.name-differs.recorded", Message.of(field), Message.of(source)))
        .citing("VAL-8.3.1-03X");
  }
}
