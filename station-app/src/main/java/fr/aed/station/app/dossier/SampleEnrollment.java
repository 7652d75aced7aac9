package fr.aed.station.app.dossier;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureLikeness;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import fr.aed.station.app.domain.proofing.VisualZone;
import fr.aed.station.app.identity.MrzSpecimen;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The bundled sample: a fictitious holder and company, with valid identifiers, met today. Its dates
 * are relative to the meeting day so that it always passes the rules.
 */
public final class SampleEnrollment {

  private SampleEnrollment() {}

  /** The machine-readable zone of the sample holder's ID card, valid until {@code expiry}. */
  public static String mrzExpiring(LocalDate expiry) {
    return MrzSpecimen.td1(
        "ID",
        "FRA",
        "X4RTBPFW4",
        "840317",
        'F',
        expiry.format(DateTimeFormatter.ofPattern("yyMMdd")),
        "LEFEVRE<DUBOIS<<ELODIE<MARIE");
  }

  /**
   * The sample enrollment for a meeting that began ten minutes before {@code now}: its proofing
   * (done in the meeting's third to seventh minute) is over when it is recorded.
   */
  public static Enrollment begunBefore(LocalDateTime now) {
    return at(now.minus(MEETING_SO_FAR));
  }

  private static final Duration MEETING_SO_FAR = Duration.ofMinutes(10);

  /** The sample enrollment for a meeting held at {@code heldAt}. */
  public static Enrollment at(LocalDateTime heldAt) {
    Holder holder =
        new Holder(
            "Lefèvre-Dubois",
            List.of("Élodie", "Marie"),
            LocalDate.of(1984, 3, 17),
            "Besançon (25)",
            "elodie.lefevre-dubois@atelier-demo.example",
            "+33 3 81 00 00 00");
    Company company =
        new Company("Atelier Numérique Démo", "SAS", "912345675", "91234567500017", "Présidente");
    Dossier dossier =
        new Dossier("DOS-DEMO-0001", "CMD-DEMO-2026-0001", "Pack ID RGS**", 3, holder, company);
    Officer officer =
        new Officer(
            "Maître Jean Exemple",
            "Étude Exemple, commissaires de justice",
            "1 rue de l'Exemple, 25000 Besançon",
            "AED-DEMO-025-01",
            heldAt.toLocalDate().minusMonths(4),
            "ACC-DEMO-2026-025");
    LocalDate expiry = heldAt.toLocalDate().plusYears(7);
    IdentityDocument document =
        new IdentityDocument(IdentityDocumentType.ID_CARD, "X4RTBPFW4", "FRA", expiry);
    String mrz = mrzExpiring(expiry);
    MeetingRecord meeting =
        new MeetingRecord(
            officer,
            "Étude Exemple, Besançon",
            heldAt.truncatedTo(ChronoUnit.MINUTES),
            document,
            mrz,
            true,
            true,
            heldAt.toLocalDate().minusDays(20),
            "",
            true,
            "",
            FeeKind.AT_OFFICE,
            proofing(heldAt.truncatedTo(ChronoUnit.MINUTES), holder));
    return new Enrollment(dossier, meeting);
  }

  /**
   * The sample's identity proofing: three features of the 2021 identity card found conforming, the
   * portrait compared feature by feature for two minutes, the visual zone as the dossier spells it,
   * the holder named on the extract, the holder's consent given during the meeting.
   */
  public static Proofing proofing(LocalDateTime heldAt, Holder holder) {
    List<String> drawn = List.of("dovid", "ghost-image", "tactile-relief");
    DocumentExamination examination =
        new DocumentExamination(
            DocumentCatalogue.builtIn().version(),
            "FRA-ID-2021",
            drawn,
            List.of(
                new FeatureCheck("dovid", FeatureVerdict.CONFORMS, ExaminationTool.TILTING),
                new FeatureCheck("ghost-image", FeatureVerdict.CONFORMS, ExaminationTool.NAKED_EYE),
                new FeatureCheck("tactile-relief", FeatureVerdict.CONFORMS, ExaminationTool.TOUCH)),
            true,
            heldAt.plusMinutes(3));
    PortraitComparison portrait =
        new PortraitComparison(
            Arrays.stream(MorphologicalFeature.values())
                .map(feature -> new FeatureLikeness(feature, Likeness.SIMILAR))
                .toList(),
            PortraitVerdict.SAME_PERSON,
            "",
            heldAt.plusMinutes(4),
            heldAt.plusMinutes(6));
    NameCheck names =
        new NameCheck(
            new VisualZone(holder.surname(), holder.givenNames(), holder.birthDate()), "");
    return new Proofing(
        examination,
        portrait,
        names,
        new RepresentationAuthority(
            AuthoritySource.LEGAL_REPRESENTATIVE, "RCS Besançon 912 345 675", false),
        new HolderConsent(HolderConsent.CURRENT_NOTICE, heldAt.plusMinutes(7)));
  }

  /**
   * The sample with its document examined on {@code drawn}, features the station drew from {@code
   * catalogue}: each found conforming, with the tool the catalogue names.
   */
  public static Enrollment examinedOn(
      Enrollment sample, DocumentCatalogue catalogue, List<SecurityFeature> drawn) {
    Proofing p = sample.meeting().proofing();
    DocumentExamination e = p.examination();
    DocumentExamination examined =
        new DocumentExamination(
            catalogue.version(),
            e.document(),
            drawn.stream().map(SecurityFeature::id).toList(),
            drawn.stream()
                .map(f -> new FeatureCheck(f.id(), FeatureVerdict.CONFORMS, f.tool()))
                .toList(),
            e.referenceConsulted(),
            e.examinedAt());
    return new Enrollment(
        sample.dossier(),
        sample
            .meeting()
            .withProofing(
                new Proofing(examined, p.portrait(), p.names(), p.authority(), p.consent())));
  }
}
