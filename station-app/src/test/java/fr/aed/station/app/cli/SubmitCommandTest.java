package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.certificate.CertificateEvents;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.certificate.OpensslCmpServer;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station submit} and {@code station certificate fetch} against OpenSSL's own CMP server,
 * which answers with a certificate an OpenSSL test authority issued from the meeting's request: the
 * certificate issued, refused, or issued after the station polled; the certificate then installed
 * with the authority told of its acceptance; a server away or a wrong secret recording nothing.
 */
class SubmitCommandTest {

  @TempDir Path dir;
  private Path data;
  private String id;
  private Path holderCard;
  private String csrPath;
  private OpensslCa authority;
  private Path issued;

  @BeforeEach
  void closedMeetingAndIssuedCertificate() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    String[] demo =
        DemoStations.run(
            "demo",
            "--data-dir",
            data.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--json",
            "--algorithm",
            "p256",
            "--without-certificate");
    assertEquals("0", demo[0], demo[2]);
    JsonNode outcome = EnrollmentFile.mapper().readTree(demo[1]);
    id = outcome.get("interventionId").asText();
    holderCard = Path.of(outcome.get("holderCard").asText());
    csrPath = outcome.get("csrPath").asText();
    authority = OpensslCa.create(dir.resolve("ca"), "AC CMP de test");
    issued =
        authority.issue(
            Path.of(outcome.get("csrPath").asText()),
            3 * 365,
            OpensslCa.productExtensions(),
            dir.resolve("issued.pem"));
  }

  @Test
  void theAuthorityIssuesTheHolderAcceptsAndTheCertificateIsInstalled() throws Exception {
    try (OpensslCmpServer server = server("-rsp_cert", issued.toString())) {
      authority.configure(data, server.url());

      StationRun submitted = submit("submit", id);

      assertEquals(0, submitted.code(), submitted.out() + submitted.err() + server.log());
      assertTrue(submitted.out().contains("Certificat reçu et vérifié"), submitted.out());
      assertEquals(Stage.RECEIVED, progress().stage());
      StationRun installed = install();
      assertEquals(0, installed.code(), installed.out() + installed.err() + server.log());
    }
    assertEquals(Stage.INSTALLED, progress().stage());
    assertEquals(
        "CMP_CERTCONF", event(CertificateEvents.ACCEPTED).get("authorityInformed").asText());
    try (Token card = TokenConnectors.savedSimulatedCard(holderCard).connect()) {
      assertEquals(
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(Files.newInputStream(issued)),
          card.readCertificate(KeySlot.SIGNATURE).orElseThrow());
    }
  }

  @Test
  void theOfficersCardSignsTheRequestAndTheAuthoritySignsItsAnswer() throws Exception {
    Path[] server = authority.serverCertificate("cmp-server");
    try (OpensslCmpServer signing =
        OpensslCmpServer.startSigned(
            dir,
            "-srv_key",
            server[0].toString(),
            "-srv_cert",
            server[1].toString(),
            "-srv_trusted",
            data.resolve("demo-officer/authority.pem").toString(),
            "-rsp_cert",
            issued.toString())) {
      authority.configure(data, signing.url(), "officer-signature");

      StationRun run = StationRun.on(data, "submit", id, "--officer", "demo");

      assertEquals(0, run.code(), run.out() + run.err() + signing.log());
      assertTrue(run.out().contains("Certificat reçu et vérifié"), run.out());
    }
    assertEquals(Stage.RECEIVED, progress().stage());
  }

  @Test
  void anAnswerSignedByAServerTheAuthorityDidNotCertifyRecordsNothing() throws Exception {
    OpensslCa stranger = OpensslCa.create(dir.resolve("stranger"), "AC inconnue");
    Path[] server = stranger.serverCertificate("cmp-server");
    try (OpensslCmpServer signing =
        OpensslCmpServer.startSigned(
            dir,
            "-srv_key",
            server[0].toString(),
            "-srv_cert",
            server[1].toString(),
            "-srv_trusted",
            data.resolve("demo-officer/authority.pem").toString(),
            "-rsp_cert",
            issued.toString())) {
      authority.configure(data, signing.url(), "officer-signature");

      StationRun run = StationRun.on(data, "submit", id, "--officer", "demo");

      assertEquals(1, run.code(), run.out() + run.err() + signing.log());
      assertTrue(run.err().contains("which is not trusted"), run.err());
      assertTrue(run.err().contains("nothing recorded"), run.err());
    }
    assertEquals(Stage.NONE, progress().stage());
  }

  @Test
  void theAuthorityRefusesWithItsReason() throws Exception {
    try (OpensslCmpServer server =
        server(
            "-rsp_cert",
            issued.toString(),
            "-pkistatus",
            "2",
            "-failure",
            "2",
            "-statusstring",
            "originaux non recus")) {
      authority.configure(data, server.url());

      StationRun run = submit("submit", id);

      assertEquals(3, run.code(), run.out() + run.err() + server.log());
      assertTrue(run.out().contains("REFUSE"), run.out());
      assertTrue(run.out().contains("originaux non recus"), run.out());
    }
    assertEquals(Stage.REFUSED_BY_CA, progress().stage());
  }

  @Test
  void theAuthorityIssuesLaterAndTheStationPolls() throws Exception {
    try (OpensslCmpServer server =
        server("-rsp_cert", issued.toString(), "-poll_count", "2", "-check_after", "1")) {
      authority.configure(data, server.url());

      StationRun first = submit("submit", id);
      assertEquals(2, first.code(), first.out() + first.err() + server.log());
      assertEquals(Stage.WAITING, progress().stage());
      int polls = 0;
      StationRun fetched;
      do {
        Thread.sleep(1000);
        fetched = submit("certificate", "fetch", id);
        polls++;
      } while (fetched.code() == 2 && polls < 5);

      assertEquals(0, fetched.code(), fetched.out() + fetched.err() + server.log());
      assertTrue(polls >= 1);
    }
    assertEquals(Stage.RECEIVED, progress().stage());
  }

  @Test
  void theStationWaitsForTheCertificateAndTheHolderPresentAcceptsItInTheSameExchange()
      throws Exception {
    try (OpensslCmpServer server =
        server("-rsp_cert", issued.toString(), "-poll_count", "3", "-check_after", "1")) {
      authority.configure(data, server.url());

      StationRun run = submit("submit", id, "--wait", "30", "--holder-accepts");

      assertEquals(0, run.code(), run.out() + run.err() + server.log());
      assertTrue(run.out().contains("Le titulaire a accepté le certificat"), run.out());
    }
    assertEquals(Stage.ACCEPTED, progress().stage());
    assertEquals(
        "CMP_CERTCONF", event(CertificateEvents.ACCEPTED).get("authorityInformed").asText());
  }

  @Test
  void anAuthorityThatClosedTheTransactionLeavesTheAcceptanceRecordedAndSaid() throws Exception {
    try (OpensslCmpServer server = server("-rsp_cert", issued.toString())) {
      authority.configure(data, server.url());
      assertEquals(0, submit("submit", id).code(), server.log());
    }
    // another server process: the transaction the station confirms is unknown to it
    try (OpensslCmpServer restarted = server("-rsp_cert", issued.toString())) {
      authority.configure(data, restarted.url());

      StationRun installed = install();

      assertEquals(0, installed.code(), installed.out() + installed.err() + restarted.log());
      assertTrue(installed.out().contains("n'a pas pris la confirmation"), installed.out());
    }
    assertEquals(Stage.INSTALLED, progress().stage());
    assertTrue(
        event(CertificateEvents.ACCEPTED)
            .get("authorityInformed")
            .asText()
            .startsWith("NOT_TAKEN"));
  }

  @Test
  void aWaitingRequestIsAskedAgainOnlyOfTheServerItWentTo() throws Exception {
    try (OpensslCmpServer server =
        server("-rsp_cert", issued.toString(), "-poll_count", "3", "-check_after", "1")) {
      authority.configure(data, server.url());
      assertEquals(2, submit("submit", id).code(), server.log());
      authority.configure(data, "http://127.0.0.1:1/pkix/");

      StationRun run = submit("certificate", "fetch", id);

      assertEquals(1, run.code(), run.out() + run.err());
      assertTrue(run.err().contains("its request went to " + server.url()), run.err());
    }
    assertEquals(Stage.WAITING, progress().stage());
  }

  @Test
  void aCertificateTheStationRefusesIsToldToTheAuthority() throws Exception {
    Path oneYear =
        authority.issue(
            Path.of(csrPath), 365, OpensslCa.productExtensions(), dir.resolve("one-year.pem"));
    try (OpensslCmpServer server = server("-rsp_cert", oneYear.toString())) {
      authority.configure(data, server.url());

      StationRun run = submit("submit", id);

      assertEquals(3, run.code(), run.out() + run.err() + server.log());
      assertTrue(
          server.log().contains("certificate rejected by client with PKIStatus: rejection"),
          server.log());
    }
    assertEquals(Stage.REJECTED, progress().stage());
    assertEquals(
        "CMP_CERTCONF_REJECTION",
        event(CertificateEvents.REJECTED).get("authorityInformed").asText());
  }

  @Test
  void aServerAwayRecordsNothing() throws Exception {
    authority.configure(data, "http://127.0.0.1:1/pkix/");

    StationRun run = submit("submit", id);

    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("nothing recorded"), run.err());
    assertEquals(Stage.NONE, progress().stage());
    assertTrue(progress().last().isEmpty());
  }

  @Test
  void aWrongSharedSecretRecordsNothing() throws Exception {
    try (OpensslCmpServer server = server("-rsp_cert", issued.toString())) {
      authority.configure(data, server.url());
      Path wrong = HolderPins.secretFile(dir.resolve("wrong-secret"), "pas-le-bon-secret\n");

      StationRun run = StationRun.on(data, "submit", id, "--secret-file", wrong.toString());

      assertEquals(1, run.code(), run.out() + run.err());
    }
    assertEquals(Stage.NONE, progress().stage());
  }

  private OpensslCmpServer server(String... options) throws Exception {
    return OpensslCmpServer.start(dir, options);
  }

  private StationRun submit(String... command) {
    Path secret = HolderPins.secretFile(dir.resolve("secret"), OpensslCmpServer.SECRET + "\n");
    String[] args = java.util.Arrays.copyOf(command, command.length + 2);
    args[command.length] = "--secret-file";
    args[command.length + 1] = secret.toString();
    return StationRun.on(data, args);
  }

  private StationRun install() {
    return submit(
        "certificate",
        "install",
        id,
        "--token",
        "simulated:" + holderCard,
        "--pin-file",
        HolderPins.secretFile(dir.resolve("pin"), TokenConnectors.SIMULATED_HOLDER_PIN + "\n")
            .toString(),
        "--officer",
        "demo",
        "--holder-accepts");
  }

  private CertificateProgress progress() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      return CertificateProgress.of(new MeetingJournal(store, id).entries());
    }
  }

  private JsonNode event(String name) throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      List<JournalEntry> entries = new MeetingJournal(store, id).entries();
      for (JournalEntry entry : entries) {
        if (entry.event().equals(name)) {
          return EnrollmentFile.mapper().readTree(entry.detail());
        }
      }
    }
    throw new AssertionError("no " + name + " in the journal");
  }
}
