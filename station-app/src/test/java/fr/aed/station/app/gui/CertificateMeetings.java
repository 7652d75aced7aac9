package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.cli.StationCommand;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A closed meeting without its certificate, made by {@code station demo --without-certificate} in
 * the window's data folder: its request, the holder's simulated card, and certificates an OpenSSL
 * test authority issues from the request.
 *
 * @param data the data folder (the window's database is {@code station.db} in it)
 * @param meeting the meeting as listed
 * @param request the recorded request (PEM)
 * @param holderCard the holder's simulated card's file
 */
record CertificateMeetings(Path data, InterventionSummary meeting, Path request, Path holderCard) {

  /** Runs the demonstration meeting without certificate in {@code data}. */
  static CertificateMeetings closedWithoutCertificate(Path data) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {
      "demo",
      "--data-dir",
      data.toString(),
      "--out",
      data.resolve("demo-out").toString(),
      "--json",
      "--algorithm",
      "p256",
      "--without-certificate"
    };
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    JsonNode outcome = EnrollmentFile.mapper().readTree(out.toString());
    String id = outcome.get("interventionId").asText();
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      return new CertificateMeetings(
          data,
          store.find(id).orElseThrow(),
          Path.of(outcome.get("csrPath").asText()),
          Path.of(outcome.get("holderCard").asText()));
    }
  }

  String id() {
    return meeting.id();
  }

  /** A certificate {@code authority} issues from the request, as the product wants it. */
  Path issuedBy(OpensslCa authority, String name) throws Exception {
    return authority.issue(
        request, 3 * 365, OpensslCa.productExtensions(), data.resolve(name + ".pem"));
  }

  /** Where the certificate stands, read from the journal. */
  CertificateProgress progress() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      return CertificateProgress.of(new MeetingJournal(store, id()).entries());
    }
  }

  /** The certificate on the holder's card, read back from the card. */
  Optional<X509Certificate> onCard() throws Exception {
    try (Token card = TokenConnectors.savedSimulatedCard(holderCard).connect()) {
      return card.readCertificate(KeySlot.SIGNATURE);
    }
  }

  static X509Certificate read(Path pem) throws Exception {
    try (var in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
