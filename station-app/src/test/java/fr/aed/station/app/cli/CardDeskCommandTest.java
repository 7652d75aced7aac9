package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.desk.CardAtDesk;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A holder's card at the desk after the demo installed its certificate: its state read, its PIN
 * blocked then unblocked with the PUK, each journaled with the card's meeting.
 */
class CardDeskCommandTest {

  @TempDir Path dir;
  private Path data;
  private String id;
  private String card;

  @BeforeEach
  void enrolledCardWithCertificate() throws Exception {
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
            "p256");
    assertEquals("0", demo[0], demo[2]);
    JsonNode outcome = EnrollmentFile.mapper().readTree(demo[1]);
    id = outcome.get("interventionId").asText();
    card = "simulated:" + outcome.get("holderCard").asText();
  }

  @Test
  void theCardsStateSaysItsTriesItsCertificateAndItsMeetingAndIsJournaled() throws Exception {
    StationRun run = StationRun.on(data, "card", "status", "--token", card, "--lang", "en");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("PIN: 3 tries left"), run.out());
    assertTrue(run.out().contains("Certificate for signature: "), run.out());
    assertTrue(run.out().contains("Lefèvre-Dubois"), run.out());
    assertTrue(run.out().contains("Meetings held with this card: " + id), run.out());
    assertEquals(CardAtDesk.STATE_READ, lastEvent());
    assertTrue(!run.out().contains("Warning"), run.out());
  }

  @Test
  void aCardWhoseSignatureCertificateIsNotTheInstalledOneIsSaid() throws Exception {
    try (Token token = TokenConnectors.fromSpec(card).connect()) {
      token.verifyPin(TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
      java.security.cert.X509Certificate installed =
          token.readCertificate(fr.aed.station.token.KeySlot.SIGNATURE).orElseThrow();
      // the authentication slot's certificate written in the signature slot's place
      token.writeCertificate(fr.aed.station.token.KeySlot.SIGNATURE, otherCertificate(installed));
    }

    StationRun run = StationRun.on(data, "card", "status", "--token", card, "--lang", "en");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("is not the one installed at meeting " + id), run.out());
  }

  // A certificate for another key, self-signed, made here: what a replaced certificate looks like.
  private static java.security.cert.X509Certificate otherCertificate(
      java.security.cert.X509Certificate like) throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    java.security.KeyPair pair = generator.generateKeyPair();
    org.bouncycastle.asn1.x500.X500Name name =
        org.bouncycastle.asn1.x500.X500Name.getInstance(
            like.getSubjectX500Principal().getEncoded());
    java.time.Instant now = java.time.Instant.now();
    return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
        .getCertificate(
            new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                    name,
                    java.math.BigInteger.ONE,
                    java.util.Date.from(now),
                    java.util.Date.from(now.plusSeconds(3600)),
                    name,
                    pair.getPublic())
                .build(
                    new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(pair.getPrivate())));
  }

  @Test
  void aBlockedPinIsSaidThenUnblockedWithThePukAndJournaled() throws Exception {
    try (Token token = TokenConnectors.fromSpec(card).connect()) {
      for (int i = 0; i < 3; i++) {
        try {
          token.verifyPin("000000".toCharArray());
        } catch (TokenException wrong) {
          // each wrong PIN spends a try, the third blocks it
        }
      }
      assertThrows(
          PinBlockedException.class,
          () -> token.verifyPin(TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray()));
    }
    assertTrue(StationRun.on(data, "card", "status", "--token", card).out().contains("BLOQUÉ"));

    StationRun unblocked =
        StationRun.on(
            data,
            "unblock-pin",
            "--token",
            card,
            "--puk-file",
            HolderPins.secretFile(dir.resolve("puk"), "12345678\n").toString(),
            "--new-pin-file",
            HolderPins.secretFile(dir.resolve("new-pin"), "860531\n").toString());

    assertEquals(0, unblocked.code(), unblocked.err());
    assertEquals(CardAtDesk.PIN_UNBLOCKED, lastEvent());
    try (Token token = TokenConnectors.fromSpec(card).connect()) {
      token.verifyPin("860531".toCharArray());
    }
  }

  private String lastEvent() throws Exception {
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      var entries = new MeetingJournal(store, id).entries();
      return entries.get(entries.size() - 1).event();
    }
  }
}
