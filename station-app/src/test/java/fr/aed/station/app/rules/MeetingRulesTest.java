package fr.aed.station.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.identity.MrzSpecimen;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingRulesTest {

  private static final LocalDateTime MEETING = LocalDateTime.of(2026, 11, 24, 10, 30);
  private final MeetingRules rules = new MeetingRules();

  @Test
  void sampleEnrollmentPassesEveryRule() {
    assertEquals(List.of(), french(SampleEnrollment.at(MEETING)));
  }

  @Test
  void officerWhoIsTheHolderIsRefused() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    Officer holderAsOfficer =
        new Officer(
            "Maître ELODIE LEFEVRE DUBOIS",
            "Étude",
            "Adresse",
            "AED-1",
            LocalDate.of(2026, 6, 1),
            "ACC-1");
    Enrollment refused = new Enrollment(sample.dossier(), m.withOfficer(holderAsOfficer));

    assertEquals(
        List.of("rules.officer-is-holder"),
        rules.refusals(refused).stream().map(Message::code).toList());
    assertTrue(french(refused).get(0).contains("REG-6.2.2-26"));
  }

  @Test
  void expiredDocumentIsRefusedFromTheDayAfterExpiry() {
    assertEquals(List.of(), french(withDocumentExpiring(MEETING.toLocalDate())));
    List<String> refusals = french(withDocumentExpiring(MEETING.toLocalDate().minusDays(1)));
    assertEquals(1, refusals.size());
    assertTrue(refusals.get(0).contains("expiré"));
  }

  @Test
  void kbisMustBeLessThanThreeMonthsOld() {
    assertEquals(List.of(), french(withKbis(MEETING.toLocalDate().minusMonths(3).plusDays(1))));
    assertTrue(french(withKbis(MEETING.toLocalDate().minusMonths(3))).get(0).contains("3 mois"));
    assertTrue(french(withKbis(MEETING.toLocalDate().plusDays(1))).get(0).contains("après"));
  }

  @Test
  void aRefusalIsShownInTheOfficersLanguageWithItsDateInThatLanguagesFormat() {
    Message old = rules.refusals(withKbis(java.time.LocalDate.of(2026, 8, 3))).get(0);
    assertEquals("rules.kbis-too-old", old.code());
    assertTrue(old.inFrench().contains("du 03/08/2026 a plus de 3 mois"), old.inFrench());
    String english = old.in(java.util.Locale.ENGLISH);
    assertTrue(english.contains("of 3 Aug 2026 is more than 3 months old"), english);
  }

  private List<String> french(Enrollment enrollment) {
    return rules.refusals(enrollment).stream().map(Message::inFrench).toList();
  }

  private static Enrollment withDocumentExpiring(java.time.LocalDate expiry) {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    IdentityDocument d = m.identityDocument();
    return new Enrollment(
        sample.dossier(),
        m.withIdentityDocument(
            new IdentityDocument(d.type(), d.number(), d.issuingState(), expiry),
            SampleEnrollment.mrzExpiring(expiry)));
  }

  @Test
  void oldExtractIsAcceptedOnlyWithTheOfficersWrittenReason() {
    Enrollment old = withKbis(MEETING.toLocalDate().minusMonths(4));
    MeetingRecord m = old.meeting();
    assertTrue(french(old).get(0).contains("motif écrit"));

    Enrollment tick = withOverride(old, "ok");
    assertEquals(1, french(tick).size(), "a tick is not a reason");

    Enrollment reasoned =
        withOverride(
            old, "Entrepreneur individuel : extrait RNE du 2 août présenté, accepté par l'AC");
    assertEquals(List.of(), french(reasoned));
    assertEquals("", m.kbisOverride());
  }

  private static Enrollment withOverride(Enrollment e, String reason) {
    MeetingRecord m = e.meeting();
    return new Enrollment(e.dossier(), m.withKbis(m.kbisDate(), reason));
  }

  @Test
  void mrzThatDoesNotMatchTheTypedDocumentIsRefused() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    IdentityDocument d = m.identityDocument();
    Enrollment typo =
        new Enrollment(
            sample.dossier(),
            m.withIdentityDocument(
                new IdentityDocument(d.type(), "X4RTBPFW5", d.issuingState(), d.expiryDate()),
                m.mrz()));

    List<String> refusals = french(typo);
    assertEquals(1, refusals.size(), refusals.toString());
    assertTrue(refusals.get(0).contains("ne correspond pas à la bande MRZ"), refusals.get(0));
    assertTrue(refusals.get(0).contains("X4RTBPFW5"), "the officer sees what differs");

    MeetingRules.Refusal refusal = rules.reasons(typo).get(0);
    assertEquals(
        "La pièce saisie ne correspond pas à la bande MRZ (numéro).",
        refusal.recorded().inFrench());
  }

  @Test
  void mrzOfAnotherPersonIsRefusedWithTheNameDifference() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    String other =
        MrzSpecimen.td1("ID", "FRA", "X4RTBPFW4", "840317", 'F', "331124", "MARTIN<<MAELYS<<<<<<");
    Enrollment wrongPerson =
        new Enrollment(sample.dossier(), m.withIdentityDocument(m.identityDocument(), other));

    List<String> refusals = french(wrongPerson);
    assertTrue(refusals.stream().anyMatch(r -> r.contains("MARTIN")), refusals.toString());

    // The record says which check failed, never the names or the number read from the document.
    List<String> recorded =
        rules.reasons(wrongPerson).stream().map(r -> r.recorded().inFrench()).toList();
    assertTrue(
        recorded.contains(
            "Pièce d'identité : le nom de la bande MRZ n'est pas celui du titulaire."),
        recorded.toString());
    for (String reason : recorded) {
      for (String personal : List.of("MARTIN", "MAELYS", "X4RTBPFW4", "840317", "331124")) {
        assertTrue(!reason.toUpperCase().contains(personal), reason);
      }
    }
  }

  private static Enrollment withKbis(java.time.LocalDate kbis) {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    return new Enrollment(sample.dossier(), m.withKbis(kbis, ""));
  }

  // Issue 16: the dossier's usage name, unlike the document's, is the officer's to judge.
  @Test
  void aNameUnlikeTheDocumentsIsRefusedUnlessTheOfficerWritesWhyItIsAccepted() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    Holder h = sample.dossier().holder();
    Holder married =
        new Holder("Martin", h.givenNames(), h.birthDate(), h.birthPlace(), h.email(), h.phone());
    Dossier d = sample.dossier();
    Dossier usageName =
        new Dossier(
            d.id(), d.orderReference(), d.product(), d.validityYears(), married, d.company());
    Proofing p = sample.meeting().proofing();
    Enrollment withoutReason = new Enrollment(usageName, sample.meeting());
    Enrollment withReason =
        new Enrollment(
            usageName,
            sample
                .meeting()
                .withProofing(
                    new Proofing(
                        p.examination(),
                        p.portrait(),
                        new NameCheck(
                            p.names().visualZone(),
                            "Nom d'usage d'épouse, acte de mariage présenté"),
                        p.authority(),
                        p.consent())));

    List<MeetingRules.Refusal> refused = rules.reasons(withoutReason);
    assertTrue(
        refused.stream().anyMatch(r -> r.requirements().contains("VAL-8.3.1-03X")),
        refused.toString());
    assertEquals(List.of(), french(withReason));
  }

  // Hostile review: one short reason must not turn the holder into someone else.
  @Test
  void aReasonExplainsASurnameNeverOtherGivenNamesAndDotsAreNoReason() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    Holder h = sample.dossier().holder();
    Dossier d = sample.dossier();
    Holder someoneElse =
        new Holder("Martin", List.of("Paul"), h.birthDate(), h.birthPlace(), h.email(), h.phone());
    Holder married =
        new Holder("Martin", h.givenNames(), h.birthDate(), h.birthPlace(), h.email(), h.phone());
    Proofing p = sample.meeting().proofing();

    assertFalse(
        french(withNames(d, someoneElse, sample, p, "Nom d'usage d'épouse, acte de mariage vu"))
            .isEmpty(),
        "other given names are another person");
    assertFalse(
        french(withNames(d, married, sample, p, "...............")).isEmpty(),
        "dots are no reason");
    assertEquals(
        List.of(),
        french(withNames(d, married, sample, p, "Nom d'usage d'épouse, acte de mariage vu")));
  }

  private static Enrollment withNames(
      Dossier d, Holder holder, Enrollment sample, Proofing p, String reason) {
    Dossier dossier =
        new Dossier(
            d.id(), d.orderReference(), d.product(), d.validityYears(), holder, d.company());
    return new Enrollment(
        dossier,
        sample
            .meeting()
            .withProofing(
                new Proofing(
                    p.examination(),
                    p.portrait(),
                    new NameCheck(p.names().visualZone(), reason),
                    p.authority(),
                    p.consent())));
  }
}
