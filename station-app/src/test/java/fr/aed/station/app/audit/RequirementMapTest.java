package fr.aed.station.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The requirement map shipped with the station. */
class RequirementMapTest {

  private final RequirementMap map = RequirementMap.builtIn();

  @Test
  void theMapHasAVersionAndEachRequirementOnce() {
    assertFalse(map.version().isBlank());
    Set<String> ids = new HashSet<>();
    map.requirements().forEach(r -> assertEquals(true, ids.add(r.id()), r.id()));
    assertEquals(53, map.size());
  }

  @Test
  void everyEvidenceKindJudgesARequirement() {
    Set<EvidenceKind> unused = EnumSet.allOf(EvidenceKind.class);
    map.requirements().forEach(r -> unused.remove(r.evidence()));
    assertEquals(Set.of(), unused);
  }

  @Test
  void everyRequirementSaysWhatItAsksInBothLanguages() {
    for (Requirement requirement : map.requirements()) {
      assertFalse(requirement.text().fr().isBlank(), requirement.id());
      assertFalse(requirement.text().en().isBlank(), requirement.id());
      assertFalse(requirement.text().fr().equals(requirement.text().en()), requirement.id());
    }
  }

  @Test
  void theMapCoversTheRequirementsOfIssueSixteen() {
    List<String> asked =
        List.of(
            "REG-6.2.2-05",
            "REG-6.2.2-05A",
            "REG-6.2.2-08A",
            "REG-6.2.2-09",
            "REG-6.2.2-10A",
            "REG-6.2.2-18",
            "REG-6.2.2-26",
            "REG-6.3.4-08",
            "REG-6.3.4-10A",
            "REG-6.3.4-11A",
            "REG-6.4.5-04a",
            "REG-6.4.5-04b",
            "REG-6.4.5-04c",
            "REG-6.4.5-04d",
            "REG-6.4.5-04e",
            "REG-6.4.5-04f",
            "REG-6.4.5-04g",
            "VAL-8.3.1-03X",
            "VAL-8.3.1-04X",
            "VAL-8.3.1-05",
            "VAL-8.3.1-06X",
            "VAL-8.3.1-07",
            "VAL-8.3.1-08X",
            "VAL-8.3.1-12",
            "VAL-8.3.3-06",
            "VAL-8.3.3-07X",
            "VAL-8.3.3-07B",
            "VAL-8.3.3-07C",
            "VAL-8.3.3-08",
            "VAL-8.3.3-10",
            "VAL-8.3.3-14X",
            "VAL-8.3.3-15X",
            "VAL-8.3.3-16",
            "BIN-8.4.4-01X",
            "BIN-8.4.4-02",
            "BIN-8.4.4-03",
            "BIN-8.4.4-04X",
            "BIN-8.4.5-01",
            "BIN-8.4.5-03",
            "BIN-8.4.5-04X",
            "COL-8.2.1-07",
            "COL-8.2.2.3-03",
            "INI-8.1-01X",
            "INI-8.1-03X",
            "ISS-8.5.2-01",
            "ISS-8.5.2-02X",
            "ISS-8.5.2-03",
            "ISS-8.5.2-04",
            "ISS-8.5.2-05",
            "ISS-8.5.2-05A",
            "ISS-8.5.2-06",
            "ISS-8.5.2-07",
            "ISS-8.5.2-08");
    assertEquals(asked, map.requirements().stream().map(Requirement::id).toList());
  }
}
