package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.certificate.CardInstallation;
import fr.aed.station.app.certificate.CertificateEvents;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.device.ForwardingToken;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station certificate install} with certificates made by OpenSSL for a meeting enrolled on a
 * simulated card: the good one installed and found on the card; every bad one refused with nothing
 * written; the card checked for the meeting's card and key; a card pulled while the certificate is
 * written resumed.
 */
class CertificateInstallCommandTest {

  @TempDir Path dir;
  private Path data;
  private Path out;
  private String id;
  private Path request;
  private Path holderCard;
  private OpensslCa authority;

  @BeforeEach
  void closedMeetingWithoutCertificate() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    out = dir.resolve("out");
    String[] demo =
        DemoStations.run(
            "demo",
            "--data-dir",
            data.toString(),
            "--out",
            out.toString(),
            "--json",
            "--algorithm",
            "p256",
            "--without-certificate");
    assertEquals("0", demo[0], demo[2]);
    JsonNode outcome = EnrollmentFile.mapper().readTree(demo[1]);
    assertFalse(outcome.get("certificateInstalled").asBoolean());
    id = outcome.get("interventionId").asText();
    request = Path.of(outcome.get("csrPath").asText());
    holderCard = Path.of(outcome.get("holderCard").asText());
    authority = OpensslCa.create(dir.resolve("ca"), "AC de test");
    authority.configure(data, null);
  }

  @Test
  void aCertificateFromTheAuthorityIsCheckedAcceptedAndWrittenNextToTheKey() throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());

    StationRun run = install("--certificate", issued.toString());

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("signature d'essai est vérifiée"), run.out());
    assertEquals(read(issued), onCard().orElseThrow());
    assertEquals(CertificateProgress.Stage.INSTALLED, progress().stage());
    StationRun verify = StationRun.on(data, "journal", "verify", "--demo");
    assertEquals(0, verify.code(), verify.out() + verify.err());
    StationRun show = StationRun.on(data, "certificate", "show", id, "--lang", "en");
    assertTrue(show.out().contains("Certificate installed on the holder's card"), show.out());
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefusedAndNothingIsWritten() throws Exception {
    OpensslCa other = OpensslCa.create(dir.resolve("other"), "AC de test");
    Path issued =
        other.issue(request, 3 * 365, OpensslCa.productExtensions(), dir.resolve("other.pem"));

    StationRun run = install("--certificate", issued.toString());

    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("[REFUS]"), run.out());
    assertEquals(Optional.empty(), onCard());
    assertEquals(CertificateProgress.Stage.REJECTED, progress().stage());
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    Path issued = issue(requestForAnotherKey(), 3 * 365, OpensslCa.productExtensions());

    StationRun run = install("--certificate", issued.toString());

    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("aucun certificat reçu ne porte la clé"), run.out());
    assertEquals(Optional.empty(), onCard());
  }

  @Test
  void aCertificateForAnotherDurationOrWithoutTheQualifiedStatementsIsRefused() throws Exception {
    Path oneYear = issue(request, 365, OpensslCa.productExtensions());
    assertEquals(3, install("--certificate", oneYear.toString()).code());
    List<String> notQualified = OpensslCa.productExtensions();
    notQualified.removeIf(line -> line.startsWith("1.3.6.1.5.5.7.1.3"));
    StationRun run = install("--certificate", issue(request, 3 * 365, notQualified).toString());

    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("mention de certificat qualifié"), run.out());
    assertEquals(Optional.empty(), onCard());
  }

  @Test
  void aFileThatIsNotCertificatesIsRefusedBeforeAnythingIsRecorded() throws Exception {
    StationRun run = install("--certificate", authority.key().toString());

    assertEquals(1, run.code(), run.out() + run.err());
    assertEquals(CertificateProgress.Stage.NONE, progress().stage());
    assertTrue(progress().last().isEmpty());
  }

  @Test
  void anotherCardIsRefusedThenTheHoldersCardTakesTheAcceptedCertificate() throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    Path otherCard = dir.resolve("other-card.simulated");

    StationRun refused = install("--certificate", issued.toString(), otherCard);

    assertEquals(1, refused.code(), refused.out() + refused.err());
    assertTrue(refused.err().contains("is not the holder's card"), refused.err());
    assertEquals(CertificateProgress.Stage.ACCEPTED, progress().stage());
    StationRun resumed = install();
    assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    assertEquals(read(issued), onCard().orElseThrow());
  }

  @Test
  void aCardWhoseKeyWasReplacedIsRefusedWithNothingWritten() throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    try (Token card = TokenConnectors.savedSimulatedCard(holderCard).connect()) {
      card.verifyPin(TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
      card.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    }

    StationRun run = install("--certificate", issued.toString());

    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("another key is in the slot"), run.err());
    assertEquals(Optional.empty(), onCard());
    assertEquals(CertificateProgress.Stage.ACCEPTED, progress().stage());
  }

  @Test
  void aCardPulledWhileTheCertificateIsWrittenIsResumed() throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    install("--certificate", issued.toString(), dir.resolve("not-the-card.simulated"));
    assertEquals(CertificateProgress.Stage.ACCEPTED, progress().stage());

    try (OfficerCredential officer = demoOfficer();
        InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      CertificateException pulled =
          org.junit.jupiter.api.Assertions.assertThrows(
              CertificateException.class,
              () ->
                  new CardInstallation(store, Clock.systemUTC())
                      .install(
                          id,
                          pulledAtWrite(TokenConnectors.savedSimulatedCard(holderCard)),
                          TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray,
                          officer));
      assertTrue(pulled.getMessage().contains("run the install again"), pulled.getMessage());
    }
    CertificateProgress interrupted = progress();
    assertEquals(CertificateProgress.Stage.ACCEPTED, interrupted.stage());
    assertEquals(CertificateEvents.INSTALL_INTERRUPTED, interrupted.last().orElseThrow().name());

    StationRun resumed = install();

    assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    assertEquals(read(issued), onCard().orElseThrow());
  }

  @Test
  void theOfficersCardIsNeededToSealTheJournal() throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());

    StationRun run =
        StationRun.on(
            data,
            "certificate",
            "install",
            id,
            "--certificate",
            issued.toString(),
            "--token",
            "simulated:" + holderCard,
            "--pin-file",
            pinFile().toString(),
            "--holder-accepts");

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("--officer is needed"), run.err());
    assertEquals(CertificateProgress.Stage.NONE, progress().stage());
  }

  private StationRun install(String... more) throws Exception {
    return install(more, holderCard);
  }

  private StationRun install(String option, String value, Path card) throws Exception {
    return install(new String[] {option, value}, card);
  }

  private StationRun install(String[] more, Path card) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "certificate",
                "install",
                id,
                "--token",
                "simulated:" + card,
                "--pin-file",
                pinFile().toString(),
                "--officer",
                "demo",
                "--holder-accepts"));
    args.addAll(List.of(more));
    return StationRun.on(data, args.toArray(String[]::new));
  }

  private Path pinFile() {
    return HolderPins.secretFile(
        dir.resolve("holder-pin"), TokenConnectors.SIMULATED_HOLDER_PIN + "\n");
  }

  private Path issue(Path csr, int days, List<String> extensions) throws Exception {
    return authority.issue(csr, days, extensions, Files.createTempFile(dir, "issued", ".pem"));
  }

  private Path requestForAnotherKey() throws Exception {
    PKCS10CertificationRequest recorded;
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(request))) {
      recorded = (PKCS10CertificationRequest) parser.readObject();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair other = generator.generateKeyPair();
    PKCS10CertificationRequest forged =
        new JcaPKCS10CertificationRequestBuilder(recorded.getSubject(), other.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate()));
    Path file = dir.resolve("other-key.csr");
    try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
      writer.writeObject(forged);
    }
    return file;
  }

  private Optional<X509Certificate> onCard() throws TokenException {
    try (Token card = TokenConnectors.savedSimulatedCard(holderCard).connect()) {
      return card.readCertificate(KeySlot.SIGNATURE);
    }
  }

  private CertificateProgress progress() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      return CertificateProgress.of(new MeetingJournal(store, id).entries());
    }
  }

  private OfficerCredential demoOfficer() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      return DemoOfficerCard.open(data.resolve("demo-officer"), Officers.recorded(store, id));
    }
  }

  private static X509Certificate read(Path pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
  }

  // The card is pulled as the certificate is written: the command is lost, as on a real card.
  private static TokenConnector pulledAtWrite(TokenConnector card) {
    return () ->
        new ForwardingToken(card.connect()) {
          @Override
          public void writeCertificate(KeySlot slot, X509Certificate certificate)
              throws TokenException {
            throw new CardRemovedException("the card was pulled out", null);
          }
        };
  }
}
