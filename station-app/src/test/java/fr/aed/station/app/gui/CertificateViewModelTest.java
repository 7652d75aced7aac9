package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.certificate.CertificateEvents;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.certificate.OpensslCmpServer;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.crypto.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate's return on a closed meeting's page, on a real meeting (the demonstration run
 * without certificate, its database and simulated card): a certificate an OpenSSL authority issued
 * received by file, accepted by the holder, installed on the card; one from another authority
 * refused with its reason; the request sent to OpenSSL's own CMP server.
 */
class CertificateViewModelTest {

  @TempDir Path dir;
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private CertificateMeetings closed;
  private OpensslCa authority;

  @BeforeEach
  void closedMeetingWithoutCertificate() throws Exception {
    closed = CertificateMeetings.closedWithoutCertificate(dir);
    authority = OpensslCa.create(dir.resolve("ca"), "AC de test");
  }

  private CertificateViewModel opened() {
    CertificateViewModel model =
        new CertificateViewModel(TestContexts.sameThread(dir, dialogs), closed.id(), () -> {});
    model.load();
    return model;
  }

  @Test
  void aCertificateReceivedByFileIsAcceptedOnTheHoldersScreenThenInstalledOnTheCard()
      throws Exception {
    authority.configure(dir, null);
    dialogs.certificateToChoose = closed.issuedBy(authority, "issued");
    CertificateViewModel model = opened();
    assertEquals(Stage.NONE, model.stageProperty().get());
    assertFalse(model.canSubmit().get(), "the authority takes no request online");

    model.receiveFile();

    assertEquals(Stage.RECEIVED, model.stageProperty().get(), model.messageProperty().get());
    assertTrue(model.canPresent().get());
    // the holder reads each part of the name in plain words, not one encoded line
    assertEquals("Le certificat est au nom de :", model.content().get(0));
    assertTrue(model.content().contains("  Nom : Lefèvre-Dubois"), model.content().toString());
    assertTrue(
        model.content().contains("  Identifiant de l'entreprise : NTRFR-91234567500017"),
        model.content().toString());
    assertTrue(model.content().stream().anyMatch(l -> l.contains("AC de test")));
    String sha256 = closed.progress().certificateSha256().orElseThrow();
    assertTrue(model.content().stream().anyMatch(l -> l.contains(sha256)));

    model.holderAccepts(new char[0]);

    assertEquals(Stage.ACCEPTED, model.stageProperty().get(), model.messageProperty().get());
    assertEquals("HOLDER_SCREEN", accepted().get("acceptedOn").asText());
    assertEquals("NOT_BY_PROTOCOL", accepted().get("authorityInformed").asText());
    dialogs.simulatedCardToChoose = closed.holderCard();
    model.card().chooseSimulatedCard();
    char[] pin = TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray();

    model.install(pin);

    assertEquals(Stage.INSTALLED, model.stageProperty().get(), model.messageProperty().get());
    assertArrayEquals(new char[pin.length], pin, "the PIN is wiped");
    assertEquals(
        CertificateMeetings.read(dialogs.certificateToChoose), closed.onCard().orElseThrow());
    assertFalse(model.canReceive().get());
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefusedWithItsReasonAndOffersNoInstall() throws Exception {
    authority.configure(dir, null);
    OpensslCa other = OpensslCa.create(dir.resolve("other"), "AC de test");
    dialogs.certificateToChoose = closed.issuedBy(other, "other");
    CertificateViewModel model = opened();

    model.receiveFile();

    assertEquals(Stage.REJECTED, model.stageProperty().get());
    assertTrue(
        model.reasons().stream()
            .anyMatch(
                r ->
                    r.startsWith("Refusé : le certificat ne vient pas de l'autorité configurée")
                        || r.contains("ne vient pas de l'autorité de certification configurée")),
        model.reasons().toString());
    assertFalse(model.canPresent().get());
    assertFalse(model.canInstall().get());
    assertEquals(Optional.empty(), closed.onCard());
  }

  @Test
  void theHolderWhoRefusesIsRecordedAndNothingIsWritten() throws Exception {
    authority.configure(dir, null);
    dialogs.certificateToChoose = closed.issuedBy(authority, "issued");
    CertificateViewModel model = opened();
    model.receiveFile();
    long entries = journal().size();

    model.holderRefuses();

    assertEquals(Stage.REJECTED, closed.progress().stage());
    assertEquals(entries + 1, journal().size());
    assertEquals(
        fr.aed.station.app.certificate.CertificateEvents.DECLINED,
        closed.progress().last().orElseThrow().name());
    assertTrue(model.messageProperty().get().contains("son refus est enregistré"));
    assertEquals(Optional.empty(), closed.onCard());
  }

  @Test
  void aWrongPinIsSaidInOneLineAndTheCertificateWaitsForTheInstall() throws Exception {
    authority.configure(dir, null);
    dialogs.certificateToChoose = closed.issuedBy(authority, "issued");
    CertificateViewModel model = opened();
    model.receiveFile();
    model.holderAccepts(new char[0]);
    dialogs.simulatedCardToChoose = closed.holderCard();
    model.card().chooseSimulatedCard();

    model.install("000000".toCharArray());

    assertEquals(Stage.ACCEPTED, model.stageProperty().get());
    assertFalse(model.messageProperty().get().contains("\n"), model.messageProperty().get());
    assertEquals(
        "Étape non faite : code PIN erroné, encore 2 essais ; rien n'est écrit sur la carte.",
        model.messageProperty().get());
    assertTrue(model.canInstall().get());
    assertEquals(Optional.empty(), closed.onCard());
  }

  @Test
  void withoutAConfiguredAuthorityTheOfficerIsToldSo() throws Exception {
    CertificateViewModel model = opened();

    assertEquals(Stage.NONE, model.stageProperty().get());
    assertTrue(
        model.messageProperty().get().startsWith("Autorité de certification non configurée"),
        model.messageProperty().get());
    assertFalse(model.byCmpProperty().get());
  }

  @Test
  void theRequestSentToTheAuthoritysServerBringsTheCertificateAndTheAcceptanceIsToldToIt()
      throws Exception {
    try (OpensslCmpServer server =
        OpensslCmpServer.start(dir, "-rsp_cert", closed.issuedBy(authority, "issued").toString())) {
      authority.configure(dir, server.url());
      CertificateViewModel model = opened();
      assertTrue(model.canSubmit().get() && model.sharedSecretProperty().get());
      char[] secret = OpensslCmpServer.SECRET.toCharArray();

      model.submit(secret);

      assertEquals(
          Stage.RECEIVED,
          model.stageProperty().get(),
          model.messageProperty().get() + server.log());
      assertArrayEquals(new char[secret.length], secret, "the secret is wiped");
      assertTrue(model.secretToAcceptProperty().get());
      model.holderAccepts(OpensslCmpServer.SECRET.toCharArray());
      assertEquals(Stage.ACCEPTED, model.stageProperty().get(), model.messageProperty().get());
    }
    assertEquals("CMP_CERTCONF", accepted().get("authorityInformed").asText());
  }

  @Test
  void anAuthorityThatTakesTheOfficersSignatureGetsTheRequestSignedByTheOfficersCard()
      throws Exception {
    Path officer = officerChain();
    try (OpensslCmpServer server =
        OpensslCmpServer.startSigned(
            dir,
            "-srv_cert",
            authority.certificate().toString(),
            "-srv_key",
            authority.key().toString(),
            "-srv_trusted",
            officer.toString(),
            "-rsp_cert",
            closed.issuedBy(authority, "issued").toString())) {
      authority.configure(dir, server.url(), "officer-signature");
      CertificateViewModel model = opened();
      assertTrue(model.canSubmit().get());
      assertFalse(model.sharedSecretProperty().get(), "no secret asked: the card signs");

      model.submit(new char[0]);

      assertEquals(
          Stage.RECEIVED,
          model.stageProperty().get(),
          model.messageProperty().get() + server.log());
      model.holderAccepts(new char[0]);
      assertEquals(Stage.ACCEPTED, model.stageProperty().get(), model.messageProperty().get());
    }
    assertEquals("CMP_CERTCONF", accepted().get("authorityInformed").asText());
  }

  // The testers' officer card signs here: the authority's server trusts its certificates.
  private Path officerChain() throws Exception {
    Path file = dir.resolve("officer-chain.pem");
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"));
        OfficerCredential card =
            DemoOfficerCard.open(
                dir.resolve("demo-officer"), MeetingRunner.recordedOfficer(store, closed.id()));
        JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
      for (X509Certificate certificate : card.chain()) {
        writer.writeObject(certificate);
      }
    }
    return file;
  }

  @Test
  void aCertificateIssuedLaterIsMarkedOnTheHomeScreenAndAskedAgain() throws Exception {
    try (OpensslCmpServer server =
        OpensslCmpServer.start(
            dir,
            "-rsp_cert",
            closed.issuedBy(authority, "issued").toString(),
            "-poll_count",
            "2",
            "-check_after",
            "1")) {
      authority.configure(dir, server.url());
      CertificateViewModel model = opened();
      model.submit(OpensslCmpServer.SECRET.toCharArray());
      assertEquals(Stage.WAITING, model.stageProperty().get(), model.messageProperty().get());
      assertTrue(model.canAskAgain().get());
      HomeViewModel home = new HomeViewModel(TestContexts.sameThread(dir, dialogs), e -> {});
      home.refresh();
      assertTrue(home.certificateAwaited(home.interventions().get(0)));

      for (int tries = 0; tries < 5 && model.stageProperty().get() == Stage.WAITING; tries++) {
        Thread.sleep(1000);
        model.askAgain(OpensslCmpServer.SECRET.toCharArray());
      }

      assertEquals(
          Stage.RECEIVED,
          model.stageProperty().get(),
          model.messageProperty().get() + server.log());
      home.refresh();
      assertFalse(home.certificateAwaited(home.interventions().get(0)));
    }
  }

  private java.util.List<JournalEntry> journal() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return new MeetingJournal(store, closed.id()).entries();
    }
  }

  private JsonNode accepted() throws Exception {
    for (JournalEntry entry : journal()) {
      if (entry.event().equals(CertificateEvents.ACCEPTED)) {
        return EnrollmentFile.mapper().readTree(entry.detail());
      }
    }
    throw new AssertionError("no acceptance in the journal");
  }
}
