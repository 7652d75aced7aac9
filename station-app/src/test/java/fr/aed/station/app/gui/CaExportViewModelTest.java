package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result page's export for the CA, after a whole meeting on the simulated card. */
class CaExportViewModelTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  // No session credential here: the testers' mode signs with the data folder's demonstration card.
  private MeetingWizardViewModel closedMeeting() {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs),
                SampleEnrollment.at(LocalDateTime.now()),
                () -> {}));
    assertFalse(model.export().availableBinding().get(), "nothing to export yet");
    model.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    assertFalse(model.export().availableBinding().get(), "an open meeting is not exported");
    model.signSheet(true);
    assertTrue(model.run().closedProperty().get(), model.run().messageProperty().get());
    assertTrue(model.export().availableBinding().get());
    return model;
  }

  @Test
  void theClosedMeetingIsExportedIntoItsFolderSignedByTheOfficerAndJournaled() throws Exception {
    MeetingWizardViewModel model = closedMeeting();
    String id = model.run().interventionIdProperty().get();
    Path sheet = model.run().sheetPathProperty().get().toAbsolutePath();

    model.export().export();

    Path zip = model.export().packagePathProperty().get();
    assertTrue(zip != null && Files.isRegularFile(zip), model.export().messageProperty().get());
    assertEquals(sheet.getParent(), zip.getParent(), "next to the meeting's sheet");
    assertFalse(model.export().exportingProperty().get());
    String sha256 = Fingerprints.sha256Hex(Files.readAllBytes(zip));
    assertTrue(model.export().messageProperty().get().contains(sha256));

    Map<String, byte[]> files = unzip(zip);
    // the simulated card attests the key it generates: its attestation goes to the CA as well,
    // with the officer's checkpoint of the journal and the audit of the identity proofing
    assertEquals(
        Set.of(
            id + "-sheet.pdf",
            id + "-request.pem",
            id + "-key-attestation.pem",
            "journal-checkpoint.txt",
            "proofing-audit.json",
            "manifest.json",
            "manifest.json.p7s"),
        files.keySet());
    assertArrayEquals(Files.readAllBytes(sheet), files.get(id + "-sheet.pdf"));
    InterventionState state = recorded(id);
    assertEquals(
        state.keyAttestation(),
        new String(files.get(id + "-key-attestation.pem"), StandardCharsets.US_ASCII));
    assertEquals(
        state.csrPem(), new String(files.get(id + "-request.pem"), StandardCharsets.UTF_8));
    String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains(state.sheetSha256()), manifest);
    assertSignedBy(files.get("manifest.json"), files.get("manifest.json.p7s"));

    JournalEntry last = lastJournalEntry();
    assertEquals("EXPORTED", last.event());
    assertEquals(id, last.intervention());
    assertTrue(last.detail().contains(sha256), last.detail());

    model.export().openFolder();
    assertEquals(zip.getParent(), dialogs.opened.get(dialogs.opened.size() - 1));
  }

  @Test
  void aFolderChosenByTheOfficerTakesThePackageAndCancellingWritesNothing() throws Exception {
    MeetingWizardViewModel model = closedMeeting();
    int entries = journalSize();

    model.export().exportElsewhere();
    assertNull(model.export().packagePathProperty().get());
    assertEquals(entries, journalSize(), "a cancelled choice journals nothing");

    dialogs.exportFolder = dir.resolve("pour-l-ac");
    model.export().exportElsewhere();

    Path zip = model.export().packagePathProperty().get();
    assertEquals(dialogs.exportFolder.toAbsolutePath(), zip.getParent());
    assertTrue(Files.isRegularFile(zip));
    assertEquals("EXPORTED", lastJournalEntry().event());
  }

  @Test
  void aSheetAlteredAfterClosingIsNotExportedAndTheReasonIsShown() throws Exception {
    MeetingWizardViewModel model = closedMeeting();
    Path sheet = model.run().sheetPathProperty().get();
    Files.write(sheet, new byte[] {'%', 'P', 'D', 'F'});

    model.export().export();

    assertNull(model.export().packagePathProperty().get());
    String message = model.export().messageProperty().get();
    assertTrue(
        message.startsWith("Export impossible : ") && message.contains("no longer matches"),
        message);
    assertTrue(model.export().availableBinding().get(), "the officer can try again");
    assertFalse("EXPORTED".equals(lastJournalEntry().event()));
  }

  private int journalSize() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.journal().size();
    }
  }

  private static void assertSignedBy(byte[] manifest, byte[] p7s) throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), p7s);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder)
            signed.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)));
  }

  private InterventionState recorded(String id) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.state(id).orElseThrow();
    }
  }

  private JournalEntry lastJournalEntry() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      var journal = store.journal();
      return journal.get(journal.size() - 1).entry();
    }
  }

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
