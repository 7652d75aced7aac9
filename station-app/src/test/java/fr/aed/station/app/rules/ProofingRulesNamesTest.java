package fr.aed.station.app.rules;

import static fr.aed.station.app.rules.ProofingRulesTest.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.VisualZone;
import fr.aed.station.app.identity.ZoneNames;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofingRulesNamesTest {

  private static final LocalDate BIRTH = LocalDate.of(1984, 3, 17);
  private static final String REASON = "Nom d'usage, épouse Lefèvre-Dubois";

  private final ProofingRules rules = new ProofingRules(DocumentCatalogue.builtIn());

  @Test
  void theVisualZoneTypedWithoutAccentsPasses() {
    assertEquals(
        List.of(),
        rules.reasons(read(zone("Lefevre Dubois", List.of("Elodie", "Marie"), BIRTH), "")));
  }

  @Test
  void aSurnameThatDiffersRefusesWithoutNamingItInTheRecord() {
    List<Refusal> reasons =
        rules.reasons(read(zone("Lefèvre", List.of("Élodie", "Marie"), BIRTH), ""));

    assertEquals(List.of("proofing.name-differs", "proofing.name-differs"), codes(reasons));
    reasons.forEach(r -> assertEquals(List.of("VAL-8.3.1-03X"), r.requirements()));
    assertTrue(reasons.get(0).shown().inFrench().contains("« Lefèvre »"));
    assertTrue(reasons.get(0).shown().inFrench().contains("le dossier"));
    assertTrue(reasons.get(1).shown().inFrench().contains("la bande MRZ"));
    for (Refusal reason : reasons) {
      String recorded = reason.recorded().inFrench();
      assertTrue(recorded.startsWith("Nom de famille :"), recorded);
      assertFalse(recorded.toUpperCase().contains("LEF"), recorded);
    }
  }

  @Test
  void aWrittenReasonAcceptsNamesThatDiffer() {
    assertEquals(
        List.of(), rules.reasons(read(zone("Lefèvre", List.of("Élodie", "Marie"), BIRTH), REASON)));
    assertEquals(
        List.of("proofing.name-differs", "proofing.name-differs"),
        codes(rules.reasons(read(zone("Lefèvre", List.of("Élodie", "Marie"), BIRTH), "usage"))));
  }

  @Test
  void givenNamesAreComparedToo() {
    List<Refusal> reasons =
        rules.reasons(read(zone("Lefèvre-Dubois", List.of("Élodie"), BIRTH), ""));

    assertEquals(2, reasons.size());
    assertTrue(reasons.get(0).recorded().inFrench().startsWith("Prénoms :"));
  }

  @Test
  void aBirthDateThatDiffersAlwaysRefuses() {
    List<Refusal> reasons =
        rules.reasons(
            read(zone("Lefèvre-Dubois", List.of("Élodie", "Marie"), BIRTH.plusDays(1)), REASON));

    assertEquals(
        List.of("proofing.birth-date-differs", "proofing.birth-date-differs"), codes(reasons));
    reasons.forEach(r -> assertEquals(List.of("VAL-8.3.1-04X"), r.requirements()));
    assertTrue(reasons.get(0).shown().inFrench().contains("18/03/1984"));
    assertEquals(
        "Date de naissance : la zone visuelle de la pièce diffère de la bande MRZ.",
        reasons.get(1).recorded().inFrench());
  }

  @Test
  void germanUmlautsMatchEitherZoneSpelling() {
    Holder holder = holder("Müller", List.of("Jörg"));
    VisualZone printed = new VisualZone("Müller", List.of("Jörg"), BIRTH);
    for (String surname : List.of("MUELLER", "MULLER")) {
      assertEquals(
          List.of(),
          check(printed, holder, new ZoneNames(surname, List.of("JOERG"), BIRTH, false, false)));
    }
    assertEquals(
        List.of("proofing.name-differs"),
        codes(
            check(
                printed, holder, new ZoneNames("MILLER", List.of("JOERG"), BIRTH, false, false))));
  }

  @Test
  void theLegacyCardWritesTheFirstGivenNamesOnly() {
    Holder holder = holder("Lefèvre-Dubois", List.of("Élodie", "Marie"));
    VisualZone printed = new VisualZone("Lefèvre-Dubois", List.of("Élodie", "Marie"), BIRTH);

    ZoneNames legacy = new ZoneNames("LEFEVRE DUBOIS", List.of("ELODIE"), BIRTH, false, true);
    assertEquals(List.of(), check(printed, holder, legacy));
    ZoneNames icao = new ZoneNames("LEFEVRE DUBOIS", List.of("ELODIE"), BIRTH, false, false);
    assertEquals(List.of("proofing.name-differs"), codes(check(printed, holder, icao)));
  }

  @Test
  void aNameCutShortByAFullFieldPasses() {
    Holder holder = holder("Wolfeschlegelsteinhausenberger", List.of("Hubert"));
    VisualZone printed = new VisualZone("Wolfeschlegelsteinhausenberger", List.of("Hubert"), BIRTH);

    ZoneNames full = new ZoneNames("WOLFESCHLEGELSTEINHAUSEN", List.of(), BIRTH, true, false);
    assertEquals(
        List.of("proofing.name-differs"),
        codes(check(printed, holder, full)),
        "given names left out entirely are not cut short");
    ZoneNames cut = new ZoneNames("WOLFESCHLEGELSTEINHAUSEN", List.of("HUB"), BIRTH, true, false);
    assertEquals(List.of(), check(printed, holder, cut));
    ZoneNames notFull =
        new ZoneNames("WOLFESCHLEGELSTEINHAUSEN", List.of("HUBERT"), BIRTH, false, false);
    assertEquals(List.of("proofing.name-differs"), codes(check(printed, holder, notFull)));
  }

  @Test
  void anUnreadableZoneLeavesTheDossierComparison() {
    Holder holder = holder("Müller", List.of("Jörg"));

    assertEquals(List.of(), check(new VisualZone("Mueller", List.of("Jorg"), BIRTH), holder, null));
    assertEquals(
        List.of("proofing.birth-date-missing"),
        codes(check(new VisualZone("Müller", List.of("Jörg"), null), holder, null)));
  }

  private static List<Refusal> check(VisualZone printed, Holder holder, ZoneNames zone) {
    List<Refusal> reasons = new ArrayList<>();
    VisualZoneRules.check(new NameCheck(printed, ""), holder, Optional.ofNullable(zone), reasons);
    return reasons;
  }

  private static Holder holder(String surname, List<String> givenNames) {
    return new Holder(surname, givenNames, BIRTH, "Berlin", "a@b.example", "+49 30 0000");
  }

  private static VisualZone zone(String surname, List<String> givenNames, LocalDate birth) {
    return new VisualZone(surname, givenNames, birth);
  }

  private static Enrollment read(VisualZone printed, String reason) {
    Proofing sample = ProofingRulesTest.sample();
    return ProofingRulesTest.with(
        new Proofing(
            sample.examination(),
            sample.portrait(),
            new NameCheck(printed, reason),
            sample.authority(),
            sample.consent()));
  }
}
