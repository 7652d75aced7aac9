package fr.aed.station.app.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.token.KeyType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPreviewTest {

  // Found by RequestSubjectFuzzTest: the subject's encoding threw on a lone surrogate, so the
  // window's token page failed instead of showing the lint's refusal.
  @Test
  void halfACharacterIsShownReplacedBesideTheLintsRefusal() {
    Holder holder =
        new Holder("Dupont", List.of("Zo\ud800"), LocalDate.of(1984, 3, 17), "Paris", "z@d.fr", "");
    Company company = new Company("Atelier", "SAS", "912345675", "91234567500017", "Gérante");
    Dossier dossier = new Dossier("D-1", "C-1", "Pack ID RGS**", 3, holder, company);

    RequestPreview preview = RequestPreview.of(dossier, KeyType.P256);

    assertTrue(preview.subjectAttributes().contains("GIVENNAME=Zo\ufffd"), preview.toString());
    assertTrue(
        preview.errors().stream().anyMatch(e -> e.code().equals("CHARACTER_NOT_ALLOWED")),
        preview.errors().toString());
    assertEquals("Zo\ud800", preview.subject().givenName());
  }
}
