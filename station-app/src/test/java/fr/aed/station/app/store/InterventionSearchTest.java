package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterventionSearchTest {

  @TempDir Path dir;
  private InterventionStore store;

  @BeforeEach
  void record() throws Exception {
    store = InterventionStore.open(dir.resolve("station.db"));
    add("Lefèvre-Dubois", "Atelier Numérique Démo", "2026-11-20T09:00:00Z", true);
    add("Martin", "Boulangerie Martin", "2026-11-21T09:00:00Z", false);
    add("L'Héritier", "Étude Exemple", "2026-11-22T09:00:00Z", true);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void add(String surname, String companyName, String at, boolean close) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 11, 20, 10, 0));
    Dossier d = sample.dossier();
    Holder h = d.holder();
    Company c = d.company();
    Enrollment e =
        new Enrollment(
            new Dossier(
                d.id(),
                d.orderReference(),
                d.product(),
                d.validityYears(),
                new Holder(
                    surname, h.givenNames(), h.birthDate(), h.birthPlace(), h.email(), h.phone()),
                new Company(companyName, c.legalForm(), c.siren(), c.siret(), c.holderRole())),
            sample.meeting());
    TestOfficerKey.register(store);
    String id = store.begin(e, EnrollmentFile.toJson(e), Instant.parse(at));
    if (close) {
      store.record(id, StepRecord.of(Step.CLOSED, Map.of()), Instant.parse(at));
    }
  }

  private List<String> holders(InterventionSearch search) throws Exception {
    return store.search(search).stream().map(InterventionSummary::holderName).toList();
  }

  @Test
  void holderIsFoundWithoutAccentsCaseOrHyphen() throws Exception {
    assertEquals(
        List.of("Élodie Lefèvre-Dubois"),
        holders(new InterventionSearch("lefevre dubois", null, null, null, null, 10)));
    assertEquals(
        List.of("Élodie L'Héritier"),
        holders(new InterventionSearch("l heritier", null, null, null, null, 10)));
  }

  @Test
  void companyStatusAndDatesNarrowTheSearch() throws Exception {
    assertEquals(
        List.of("Élodie Martin"),
        holders(new InterventionSearch(null, "boulangerie", null, null, null, 10)));
    assertEquals(
        List.of("Élodie L'Héritier", "Élodie Lefèvre-Dubois"),
        holders(new InterventionSearch(null, null, null, null, "CLOSED", 10)));
    assertEquals(
        List.of("Élodie Martin"),
        holders(
            new InterventionSearch(
                null, null, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21), null, 10)));
  }

  @Test
  void likeWildcardsInTheTermAreTakenLiterally() throws Exception {
    assertEquals(List.of(), holders(new InterventionSearch("%", null, null, null, null, 10)));
  }

  @Test
  void limitKeepsTheMostRecent() throws Exception {
    assertEquals(List.of("Élodie L'Héritier"), holders(InterventionSearch.latest(1)));
  }
}
