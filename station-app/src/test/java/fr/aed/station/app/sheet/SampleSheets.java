package fr.aed.station.app.sheet;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Fictitious sheets: every person, company and number below is made up. */
final class SampleSheets {

  static final String CSR_SHA256 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String PUBLIC_KEY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String SUBJECT =
      "CN=Élodie Lefèvre-Dubois,GIVENNAME=Élodie,SURNAME=Lefèvre-Dubois,"
          + "OU=0002 55208131700040,2.5.4.97=NTRFR-55208131700040,O=Atelier Lumière SAS,C=FR";

  private SampleSheets() {}

  static InterventionSheet sheet() {
    return sheet(FeeKind.AT_OFFICE, SUBJECT);
  }

  static InterventionSheet sheet(FeeKind fee, String subject) {
    Holder holder =
        new Holder(
            "Lefèvre-Dubois",
            List.of("Élodie", "Marie-Hélène"),
            LocalDate.of(1984, 3, 9),
            "Saint-Étienne (Loire)",
            "elodie.lefevre@atelier-lumiere.example",
            "+33 4 77 00 00 00");
    Company company =
        new Company("Atelier Lumière SAS", "SAS", "552081317", "55208131700040", "Présidente");
    Dossier dossier =
        new Dossier("D-2025-000417", "CMD-88412", "Pack ID RGS**", 3, holder, company);
    Officer officer =
        new Officer(
            "Maître François Gérard",
            "Étude Gérard & Associés, commissaires de justice",
            "12 rue de la République, 42000 Saint-Étienne",
            "AED-42-0007",
            LocalDate.of(2025, 1, 20),
            "ACC-42-2025-0007");
    IdentityDocument document =
        new IdentityDocument(
            IdentityDocumentType.ID_CARD, "X4RTBPFW4", "FRA", LocalDate.of(2030, 2, 11));
    MeetingRecord meeting =
        new MeetingRecord(
            officer,
            "Saint-Étienne",
            LocalDateTime.of(2025, 4, 14, 9, 30),
            document,
            "",
            true,
            true,
            LocalDate.of(2025, 3, 28),
            "",
            true,
            "",
            fee,
            SampleEnrollment.proofing(LocalDateTime.of(2025, 4, 14, 9, 30), holder));
    DeviceRecord device =
        new DeviceRecord(
            "PKCS#11",
            "Carte à puce qualifiée (simulateur)",
            "SN-0042-7781",
            "rsa3072",
            "PKCS#11 CKA_LOCAL=vrai, CKA_NEVER_EXTRACTABLE=vrai, CKA_SENSITIVE=vrai",
            PUBLIC_KEY_SHA256,
            CSR_SHA256);
    return new InterventionSheet(
        "FRV-2025-0001",
        new Enrollment(dossier, meeting),
        device,
        subject,
        ZonedDateTime.of(2025, 4, 14, 10, 5, 0, 0, ZoneId.of("Europe/Paris")),
        fr.aed.station.app.catalogue.DocumentCatalogue.builtIn(),
        // the features drawn at the window's document step
        java.util.Map.of(fr.aed.station.app.audit.ChecksDetail.DRAWN_BY, "WINDOW"));
  }
}
