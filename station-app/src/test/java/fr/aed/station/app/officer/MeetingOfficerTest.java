package fr.aed.station.app.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** The meeting's officer is the registered one, and the card that signs is theirs. */
class MeetingOfficerTest {

  private static final Officer REGISTERED =
      new Officer(
          "Maître Jean Exemple",
          "Étude Exemple",
          "1 rue de l'Exemple",
          "AED-025-01",
          LocalDate.of(2026, 6, 1),
          "ACC-1");

  private final Enrollment typed = SampleEnrollment.at(LocalDateTime.of(2026, 11, 24, 10, 30));

  @Test
  void theRegisteredOfficerHoldsTheMeetingWhateverTheFileSpells() throws Exception {
    Officer spelled =
        new Officer(
            "MAITRE JEAN EXEMPLE",
            "Étude Fantôme",
            "?",
            "aed-025-01",
            LocalDate.of(2026, 6, 1),
            "ACC-1");
    Enrollment file = new Enrollment(typed.dossier(), typed.meeting().withOfficer(spelled));

    Enrollment held = MeetingOfficer.heldBy(file, Optional.of(REGISTERED), Optional.empty());

    assertEquals(REGISTERED, held.meeting().officer());
    assertEquals(typed.dossier(), held.dossier());
  }

  @Test
  void aFileNamingAnotherOfficerIsRefused() {
    Officer other =
        new Officer("Maître Paul Autre", "É", "A", "AED-025-01", LocalDate.of(2026, 6, 1), "ACC-1");
    Enrollment file = new Enrollment(typed.dossier(), typed.meeting().withOfficer(other));

    OfficerMismatchException e =
        assertThrows(
            OfficerMismatchException.class,
            () -> MeetingOfficer.heldBy(file, Optional.of(REGISTERED), Optional.empty()));
    assertTrue(e.getMessage().contains("station officer register"), e.getMessage());
  }

  @Test
  void theCardMustBeIssuedToTheOfficer() throws Exception {
    MeetingOfficer.requireIssuedTo(certificate(cn("Jean Exemple")), REGISTERED);
    MeetingOfficer.requireIssuedTo(
        certificate(cn("Maître Jean Exemple (" + DemoOfficerCard.MARK + ")")), REGISTERED);
    X500Name structured =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.GIVENNAME, "Jean")
            .addRDN(BCStyle.SURNAME, "EXEMPLE")
            .addRDN(BCStyle.CN, "J. Exemple")
            .build();
    MeetingOfficer.requireIssuedTo(certificate(structured), REGISTERED);

    for (X500Name someoneElse :
        List.of(cn("Élodie Lefèvre-Dubois"), cn("Exemple"), cn("Jean Exemple-Autre"))) {
      OfficerMismatchException e =
          assertThrows(
              OfficerMismatchException.class,
              () -> MeetingOfficer.requireIssuedTo(certificate(someoneElse), REGISTERED),
              someoneElse.toString());
      assertTrue(e.getMessage().contains("not to the meeting's officer"), e.getMessage());
    }
  }

  @Test
  void withoutARegisteredOfficerTheCardIsCheckedAgainstTheFilesOfficer() throws Exception {
    OfficerCredential holdersCard =
        new OfficerCredential(
            null, List.of(certificate(cn("Élodie Lefèvre-Dubois"))), true, null, null);

    assertThrows(
        OfficerMismatchException.class,
        () -> MeetingOfficer.heldBy(typed, Optional.empty(), Optional.of(holdersCard)));
  }

  private static X500Name cn(String name) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
  }

  private static X509Certificate certificate(X500Name subject) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return DemoAuthority.create()
        .certify(subject, generator.generateKeyPair().getPublic(), KeyUsage.digitalSignature);
  }
}
