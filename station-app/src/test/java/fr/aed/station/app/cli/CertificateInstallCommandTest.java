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
  private Path sheet;
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
    sheet = Path.of(outcome.get("sheetPath").asText());
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
    // the sheet carries it in a revision the officer signed, the first signature untouched
    StationRun sheetVerified = StationRun.on(data, "sheet", "verify", sheet.toString(), "--demo");
    assertEquals(0, sheetVerified.code(), sheetVerified.out() + sheetVerified.err());
    String signatures = run("pdfsig", sheet);
    assertTrue(signatures.contains("Signature #2"), signatures);
    assertEquals(2, signatures.split("Signature is Valid\\.", -1).length - 1, signatures);
    String attached = run("pdfdetach", "-list", sheet);
    assertTrue(attached.contains(id + "-certificate.pem"), attached);
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
  void aCertificateWrittenIntoTheJournalByHandIsCheckedAgainAndNotInstalled() throws Exception {
    OpensslCa other = OpensslCa.create(dir.resolve("forger"), "AC de test");
    Path forged =
        other.issue(request, 3 * 365, OpensslCa.productExtensions(), dir.resolve("forged.pem"));
    X509Certificate certificate = read(forged);
    String sha256 = fr.aed.station.crypto.Fingerprints.sha256Hex(certificate.getEncoded());
    // what someone holding the database can append (the open tail of the chain is unkeyed)
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      store.note(
          id,
          CertificateEvents.RECEIVED,
          java.util.Map.of(
              "channel",
              "FILE",
              "certificate",
              fr.aed.station.crypto.Pem.of(certificate),
              "certificateSha256",
              sha256),
          java.time.Instant.now());
      store.note(
          id,
          CertificateEvents.ACCEPTED,
          java.util.Map.of("certificateSha256", sha256, "acceptedOn", "TERMINAL"),
          java.time.Instant.now());
    }

    StationRun run = install();

    // shown to the holder again, checked now: refused
    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("[REFUS]"), run.out());
    // and the installation itself checks it again, whoever calls it
    try (OfficerCredential officer = demoOfficer();
        InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      CertificateException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              CertificateException.class,
              () ->
                  new CardInstallation(store, Clock.systemUTC())
                      .install(
                          id,
                          TokenConnectors.savedSimulatedCard(holderCard),
                          TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray,
                          officer));
      assertTrue(
          refused.getMessage().contains("no longer passes the checks"), refused.getMessage());
    }
    assertEquals(Optional.empty(), onCard());
  }

  @Test
  void aCertificateClaimedInstalledByHandIsNeitherExportedNorShownAsItsFingerprintSays()
      throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    X509Certificate certificate = read(issued);
    String claimed = "00".repeat(32);
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      java.time.Instant now = java.time.Instant.now();
      store.note(
          id,
          CertificateEvents.RECEIVED,
          java.util.Map.of(
              "channel",
              "FILE",
              "certificate",
              fr.aed.station.crypto.Pem.of(certificate),
              "certificateSha256",
              claimed),
          now);
      store.note(
          id, CertificateEvents.ACCEPTED, java.util.Map.of("certificateSha256", claimed), now);
      store.note(
          id, CertificateEvents.INSTALLED, java.util.Map.of("certificateSha256", claimed), now);
    }

    StationRun show = StationRun.on(data, "certificate", "show", id, "--lang", "en");
    StationRun exported =
        StationRun.on(
            data,
            "export",
            id,
            "--out",
            dir.resolve("package").toString(),
            "--officer",
            "demo",
            "--json");

    assertTrue(show.out().contains("this record was altered"), show.out());
    assertEquals(0, exported.code(), exported.err());
    Path zip = Path.of(EnrollmentFile.mapper().readTree(exported.out()).get("package").asText());
    try (java.util.zip.ZipFile entries = new java.util.zip.ZipFile(zip.toFile())) {
      assertTrue(entries.getEntry(id + "-certificate.pem") == null, "no certificate exported");
    }
  }

  @Test
  void aCheckedCertificateIsNotReplacedByAnotherFileAndAHolderWhoDeclinesIsRecorded()
      throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      fr.aed.station.app.certificate.CertificateDesk desk =
          new fr.aed.station.app.certificate.CertificateDesk(store, Clock.systemUTC());
      fr.aed.station.app.certificate.CertificateAuthority configured =
          fr.aed.station.app.certificate.CertificateAuthority.forStation(
              data.resolve("station.db"));
      assertTrue(desk.receive(id, issued, configured).accepted());
      CertificateException replaced =
          org.junit.jupiter.api.Assertions.assertThrows(
              CertificateException.class, () -> desk.receive(id, issued, configured));
      assertTrue(replaced.getMessage().contains("is on record already"), replaced.getMessage());

      desk.decline(id, "HOLDER_AT_TERMINAL");
    }

    assertEquals(CertificateProgress.Stage.REJECTED, progress().stage());
    assertEquals(CertificateEvents.DECLINED, progress().last().orElseThrow().name());
    assertEquals(
        0,
        install("--certificate", issue(request, 3 * 365, OpensslCa.productExtensions()).toString())
            .code());
  }

  @Test
  void entriesForgedBeforeALaterSealMadeForAnotherMeetingAreNotExported() throws Exception {
    OpensslCa other = OpensslCa.create(dir.resolve("forger"), "AC de test");
    X509Certificate forged =
        read(other.issue(request, 3 * 365, OpensslCa.productExtensions(), dir.resolve("f.pem")));
    String sha256 = fr.aed.station.crypto.Fingerprints.sha256Hex(forged.getEncoded());
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      java.time.Instant now = java.time.Instant.now();
      store.note(
          id,
          CertificateEvents.RECEIVED,
          java.util.Map.of(
              "channel",
              "FILE",
              "certificate",
              fr.aed.station.crypto.Pem.of(forged),
              "certificateSha256",
              sha256),
          now);
      store.note(
          id, CertificateEvents.ACCEPTED, java.util.Map.of("certificateSha256", sha256), now);
      store.note(
          id, CertificateEvents.INSTALLED, java.util.Map.of("certificateSha256", sha256), now);
    }
    // another meeting closes: its seal covers the forged entries too
    String[] second =
        DemoStations.run(
            "demo",
            "--data-dir",
            data.toString(),
            "--out",
            dir.resolve("second").toString(),
            "--json",
            "--algorithm",
            "p256",
            "--without-certificate");
    assertEquals("0", second[0], second[2]);

    StationRun exported =
        StationRun.on(
            data,
            "export",
            id,
            "--out",
            dir.resolve("package").toString(),
            "--officer",
            "demo",
            "--json");

    assertEquals(0, exported.code(), exported.err());
    Path zip = Path.of(EnrollmentFile.mapper().readTree(exported.out()).get("package").asText());
    try (java.util.zip.ZipFile entries = new java.util.zip.ZipFile(zip.toFile())) {
      assertTrue(entries.getEntry(id + "-certificate.pem") == null, "no certificate exported");
    }
  }

  @Test
  void anAcceptanceWrittenIntoTheJournalDoesNotStandForTheHolderAtTheInstallation()
      throws Exception {
    Path issued = issue(request, 3 * 365, OpensslCa.productExtensions());
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      fr.aed.station.app.certificate.CertificateDesk desk =
          new fr.aed.station.app.certificate.CertificateDesk(store, Clock.systemUTC());
      desk.receive(
          id,
          issued,
          fr.aed.station.app.certificate.CertificateAuthority.forStation(
              data.resolve("station.db")));
      String sha256 = desk.progress(id).certificateSha256().orElseThrow();
      CertificateException notShown =
          org.junit.jupiter.api.Assertions.assertThrows(
              CertificateException.class,
              () -> desk.accept(id, "HOLDER_SCREEN", Optional.empty(), Optional.of("00")));
      assertTrue(notShown.getMessage().contains("not the one shown"), notShown.getMessage());
      store.note(
          id,
          CertificateEvents.ACCEPTED,
          java.util.Map.of("certificateSha256", sha256, "acceptedOn", "HOLDER_SCREEN"),
          java.time.Instant.now());
    }

    StationRun run =
        StationRun.on(
            data,
            "certificate",
            "install",
            id,
            "--token",
            "simulated:" + holderCard,
            "--pin-file",
            pinFile().toString(),
            "--officer",
            "demo");

    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("no terminal to ask the holder"), run.err());
    assertTrue(run.out().contains("Empreinte SHA-256"), "the certificate is shown: " + run.out());
    assertEquals(Optional.empty(), onCard());
  }

  @Test
  void anUnreadableCertificateEntryIsSaidInOneLine() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      store.note(
          id,
          CertificateEvents.RECEIVED,
          java.util.Map.of(
              "certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
              "certificateSha256", "00"),
          java.time.Instant.now());
    }

    StationRun show = StationRun.on(data, "certificate", "show", id, "--lang", "en");
    StationRun run = install();

    assertTrue(show.out().contains("this record was altered"), show.out() + show.err());
    assertEquals(1, run.code(), run.out() + run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals(Optional.empty(), onCard());
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

  // poppler's tools, which the station did not write
  private static String run(String tool, Object... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(tool));
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    process.waitFor();
    return output;
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
