package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static fr.aed.station.app.gui.HomeViewTest.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.sheet.SheetVerification;
import fr.aed.station.app.sheet.SignatureArea;
import fr.aed.station.app.sheet.SignatureAreas;
import fr.aed.station.app.sheet.Signer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import fr.aed.station.crypto.trust.TrustedAuthority;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Whole meetings driven through the window, headless, on the simulated card. */
@ExtendWith(ApplicationExtension.class)
class MeetingWizardViewTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private TestContexts.TestClock clock;

  // Monocle's headless screen is 1280x800: a larger scene overflows its frame buffer.
  @Start
  void start(Stage stage) {
    StationContext context = TestContexts.with(dir, dialogs, background, Platform::runLater);
    clock = (TestContexts.TestClock) context.clock();
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  private void importDossier(FxRobot robot, Enrollment enrollment) throws Exception {
    dialogs.toChoose =
        Files.writeString(
            Files.createTempFile(dir, "dossier", ".json"), EnrollmentFile.toJson(enrollment));
    robot.clickOn("#new-meeting");
    assertShown(robot, "DOS-DEMO-0001");
    // the officer sees the forms signed, whatever the file says
    robot.clickOn("#forms-signed");
    robot.clickOn("#next");
  }

  // The officer sees the original and the person present: from the identity step to the token.
  private void attestedToToken(FxRobot robot) {
    Proofings.identityToToken(robot, clock, SAMPLE_HOLDER);
  }

  private static final Holder SAMPLE_HOLDER =
      SampleEnrollment.at(LocalDateTime.now()).dossier().holder();

  @SuppressWarnings("unchecked")
  private static ListView<CheckLine> checks(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(ListView.class);
  }

  private static String status(String intervention) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.state(intervention).orElseThrow().status();
    }
  }

  private static void waitForSheetPages(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#sheet-pages")
                .tryQuery()
                .map(pages -> !((VBox) pages).getChildren().isEmpty())
                .orElse(false));
  }

  private static void waitForResult(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#intervention-id")
                .tryQuery()
                .map(id -> !((Label) id).getText().isEmpty())
                .orElse(false));
  }

  @Test
  void aCompleteMeetingOnTheSimulatedCard(FxRobot robot) throws Exception {
    // the file says the portal collected the attestations: the window leaves them to the officer
    importDossier(robot, SampleEnrollment.at(LocalDateTime.now()));
    assertFalse(checks(robot, "#mrz-checks").getItems().isEmpty());
    assertTrue(checks(robot, "#mrz-checks").getItems().stream().allMatch(CheckLine::passed));
    assertShown(robot, "OK — ");
    assertShown(robot, "À confirmer — Original de la pièce d'identité présenté");

    String mrz = robot.lookup("#mrz").queryAs(TextArea.class).getText();
    robot.clickOn("#mrz").push(KeyCode.CONTROL, KeyCode.END).type(KeyCode.BACK_SPACE);
    assertShown(robot, "Refusé — ");
    robot.write(mrz.substring(mrz.length() - 1));
    assertTrue(checks(robot, "#mrz-checks").getItems().stream().allMatch(CheckLine::passed));

    robot.clickOn("#original-seen");
    Proofings.typePrintedNames(robot, SAMPLE_HOLDER);
    assertFalse(shown(robot, "serait refusé"), "the box ticked, nothing refuses the meeting");
    robot.clickOn("#next");
    Proofings.documentConforms(robot);
    robot.clickOn("#next");
    Proofings.samePerson(robot, clock);
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    assertTrue(checks(robot, "#company-checks").getItems().stream().allMatch(CheckLine::passed));
    robot.clickOn("#next").clickOn("#next");
    // the request as it will be built, read before the holder types the PIN
    assertShown(robot, "La demande est conforme au profil RGS**, sans avertissement.");
    assertTrue(
        robot
            .lookup("#request-subject")
            .queryAs(Label.class)
            .getText()
            .lines()
            .anyMatch("Nom : Élodie Marie Lefèvre-Dubois"::equals));
    assertFalse(
        robot.lookup("#cancel-generation").query().isVisible(), "cancel shows while generating");
    // "Écran du titulaire…" is the default button: the holder types the card's PIN, then theirs
    assertTrue(robot.lookup("#holder-screen").queryButton().isDefaultButton());
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    typePins(robot, "123456", "472913", "472913");
    robot.type(KeyCode.ENTER);

    // the sheet step: its pages shown, the holder signs on the pad, then the officer's card signs
    waitForSheetPages(robot);
    ImageView firstPage =
        (ImageView) robot.lookup("#sheet-pages").queryAs(VBox.class).getChildren().get(0);
    assertTrue(firstPage.getImage().getWidth() > 700, "the first page is rendered");
    assertShown(robot, " page");
    robot.clickOn("#print-sheet");
    assertEquals(1, dialogs.printed.size(), "printing is called with the sheet");
    robot.clickOn("#sign-sheet");
    assertShown(robot, "Le titulaire doit d'abord signer dans le cadre.");
    Canvas pad = robot.lookup("#signature-pad").queryAs(Canvas.class);
    robot.moveTo(pad).moveBy(-150, 20).press(MouseButton.PRIMARY);
    robot
        .moveBy(60, -40)
        .moveBy(60, 50)
        .moveBy(60, -40)
        .moveBy(60, 30)
        .release(MouseButton.PRIMARY);
    robot.clickOn("#sign-sheet");

    waitForResult(robot);
    assertShown(robot, "Intervention clôturée");
    String id = robot.lookup("#intervention-id").queryAs(Label.class).getText();
    assertEquals("CLOSED", status(id));
    Path sheet = Path.of(robot.lookup("#sheet-path").queryAs(Label.class).getText());
    assertHolderSignedThenOfficerSigned(sheet);
    assertEquals(sheet.toAbsolutePath(), dialogs.printed.get(0).toAbsolutePath());
    robot.clickOn("#open-sheet");
    assertEquals(1, dialogs.opened.size());
    robot.clickOn("#print-result-sheet");
    assertEquals(List.of(dialogs.printed.get(0), sheet), dialogs.printed);

    // the package for the CA, signed off the FX thread by the demonstration officer card
    robot.clickOn("#export");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> !robot.lookup("#export-path").queryAs(Label.class).getText().isEmpty());
    assertShown(robot, "Paquet pour l'AC écrit");
    Path zip = Path.of(robot.lookup("#export-path").queryAs(Label.class).getText());
    assertEquals(id + "-export.zip", zip.getFileName().toString());
    assertEquals(sheet.toAbsolutePath().getParent(), zip.getParent());
    try (ZipFile written = new ZipFile(zip.toFile())) {
      assertEquals(
          Files.readAllBytes(sheet).length,
          written.getEntry(id + "-sheet.pdf").getSize(),
          "the signed sheet inside");
      assertNotNull(written.getEntry("manifest.json.p7s"));
    }
    robot.clickOn("#open-export-folder");
    assertEquals(zip.getParent(), dialogs.opened.get(1));

    robot.clickOn("#back-home");
    assertShown(robot, "Clôturée");
  }

  // Re-read from the file: the drawn signature is inside the sheet that the officer's card signed.
  private static void assertHolderSignedThenOfficerSigned(Path sheet) throws Exception {
    byte[] pdf = Files.readAllBytes(sheet);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Map<String, PDComplexFileSpecification> files =
          document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      PDComplexFileSpecification drawn = files.get("signature-titulaire-tracee-a-l-ecran.png");
      assertNotNull(drawn, files.keySet().toString());
      BufferedImage signature =
          ImageIO.read(new ByteArrayInputStream(drawn.getEmbeddedFile().toByteArray()));
      assertEquals(SheetStepViewModel.PAD_WIDTH, signature.getWidth());
      int inked = 0;
      for (int x = 0; x < signature.getWidth(); x++) {
        for (int y = 0; y < signature.getHeight(); y++) {
          inked += (signature.getRGB(x, y) & 0xFF) < 0x80 ? 1 : 0;
        }
      }
      assertTrue(inked > 200, "the strokes drawn are in the picture: " + inked + " pixels");
      SignatureArea holder = SignatureAreas.find(document, Signer.HOLDER).orElseThrow();
      assertTrue(
          document
                  .getPage(holder.pageIndex())
                  .getResources()
                  .getXObject(COSName.getPDFName("SignatureTitulaire"))
              instanceof PDFormXObject,
          "the drawing is drawn in the holder's box");
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertEquals(1, signatures.size());
      SignatureArea officer = SignatureAreas.find(document, Signer.OFFICER).orElseThrow();
      PDRectangle shown =
          document
              .getDocumentCatalog()
              .getAcroForm()
              .getFields()
              .get(0)
              .getWidgets()
              .get(0)
              .getRectangle();
      assertTrue(
          officer.contains(
              shown.getLowerLeftX(), shown.getLowerLeftY(), shown.getWidth(), shown.getHeight()),
          "the officer's signature shows in the officer's box: " + shown);
      int[] range = signatures.get(0).getByteRange();
      assertEquals(
          pdf.length, range[2] + range[3], "the officer's signature covers the whole file");
    }
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      // The window's meetings are signed by the demonstration card kept beside the database.
      X509Certificate demoAuthority =
          DemoOfficerCard.authority(dir.resolve("demo-officer")).orElseThrow();
      SignerTrust demo =
          new SignerTrust(TrustList.empty().with(new TrustedAuthority(demoAuthority, true)));
      List<SheetVerification.Check> checks = new SheetVerification(store, demo).verify(sheet, pdf);
      assertTrue(checks.stream().allMatch(SheetVerification.Check::passed), checks.toString());
    }
  }

  @Test
  void theHolderTypesThePinOnAWindowTurnedToThem(FxRobot robot) throws Exception {
    importDossier(robot, SampleEnrollment.at(LocalDateTime.now()));
    attestedToToken(robot);
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    // the holder reads whose key is made, and nothing of the officer's pages
    assertShown(robot, "au nom de : Élodie Marie Lefèvre-Dubois");
    assertEquals(2, robot.listTargetWindows().size(), "a window of its own");
    assertFalse(robot.lookup("#holder-message").query().isVisible(), "no failure yet");
    // "Valider" is the default button
    typePins(robot, "000000", "472913", "472913");
    robot.type(KeyCode.ENTER);

    assertShown(robot, "Code PIN erroné : il reste 2 essais");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listTargetWindows().size() == 1);
    // the officer turns the screen again: the holder reads the tries left before typing
    robot.clickOn("#holder-screen");
    Label failure = robot.lookup("#holder-message").queryAs(Label.class);
    assertTrue(failure.isVisible() && failure.getText().contains("il reste 2 essais"));
    // given back before the end: what was typed is not kept
    List<PasswordField> typed =
        List.of("#holder-pin", "#holder-new-pin", "#holder-new-pin-again").stream()
            .map(id -> robot.lookup(id).queryAs(PasswordField.class))
            .toList();
    typePins(robot, "1234", "4729", "47");
    robot.clickOn("#holder-back");
    assertTrue(typed.stream().allMatch(field -> field.getLength() == 0));
    assertShown(robot, "il reste 2 essais");
    robot.clickOn("#holder-screen");
    typePins(robot, "123456", "472913", "472913");
    robot.type(KeyCode.ENTER);

    // the key generated with the holder's PIN: the sheet step comes, the holder's window gone
    waitForSheetPages(robot);
    assertEquals(1, robot.listTargetWindows().size());
    assertTrue(robot.lookup("#holder-pin").tryQuery().isEmpty());
  }

  @Test
  void theNewPinIsCheckedAsTheHolderTypesIt(FxRobot robot) throws Exception {
    importDossier(robot, SampleEnrollment.at(LocalDateTime.now()));
    attestedToToken(robot);
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    assertShown(robot, "Choisissez le code PIN de votre carte");
    assertShown(robot, "remis avec la carte ; pour une carte neuve, c'est le code d'usine");
    Button validate = robot.lookup("#holder-validate").queryButton();
    Label feedback = robot.lookup("#holder-pin-feedback").queryAs(Label.class);

    typePins(robot, "123456", "472913", "472931");
    assertTrue(validate.isDisabled(), "the entries differ");
    assertEquals("Les deux saisies du nouveau code PIN sont différentes.", feedback.getText());
    // "Valider" disabled, Enter does nothing: the holder's screen stays
    robot.type(KeyCode.ENTER);
    assertEquals(2, robot.listTargetWindows().size());

    clear(robot, "#holder-new-pin");
    clear(robot, "#holder-new-pin-again");
    robot.clickOn("#holder-new-pin").write("111111");
    assertTrue(feedback.getText().startsWith("Le nouveau code PIN est trop facile à deviner"));
    assertTrue(validate.isDisabled());
    clear(robot, "#holder-new-pin");
    robot.clickOn("#holder-new-pin").write("472913");
    assertEquals("Tapez le nouveau code une seconde fois pour le confirmer.", feedback.getText());
    robot.clickOn("#holder-new-pin-again").write("472913");
    assertEquals("Le nouveau code convient : vous pouvez valider.", feedback.getText());
    assertFalse(validate.isDisabled());
    robot.clickOn(validate);

    // the card took the holder's PIN and made the key: the sheet step comes
    waitForSheetPages(robot);
    assertEquals(1, robot.listTargetWindows().size());
  }

  @Test
  void resumedAfterThePinChangeTheHolderTypesOnlyTheirOwnPin(FxRobot robot) throws Exception {
    importDossier(robot, SampleEnrollment.at(LocalDateTime.now()));
    attestedToToken(robot);
    // testers' fault: the card is pulled out as it starts generating, after the PIN change
    robot.clickOn("#fault-pull");
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    typePins(robot, "123456", "472913", "472913");
    robot.clickOn("#holder-validate");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> robot.lookup("#wizard-message").queryAs(Label.class).getText().contains("reprendra"));
    robot.clickOn("#fault-pull");

    robot.clickOn("#holder-screen");
    assertShown(robot, "Saisissez le code PIN que vous avez choisi");
    assertShown(robot, "Vous avez déjà choisi votre code PIN");
    assertTrue(robot.lookup("#holder-new-pin").tryQuery().isEmpty(), "no new PIN asked");
    Button validate = robot.lookup("#holder-validate").queryButton();
    assertTrue(validate.isDisabled());
    robot.clickOn("#holder-pin").write("472913");
    assertFalse(validate.isDisabled());
    robot.type(KeyCode.ENTER);

    waitForSheetPages(robot);
    assertEquals(1, robot.listTargetWindows().size());
  }

  private static void typePins(FxRobot robot, String current, String chosen, String again) {
    robot.clickOn("#holder-pin").write(current);
    robot.clickOn("#holder-new-pin").write(chosen);
    robot.clickOn("#holder-new-pin-again").write(again);
  }

  private static void clear(FxRobot robot, String id) {
    PasswordField field = robot.lookup(id).queryAs(PasswordField.class);
    robot.interact(field::clear);
  }

  @Test
  void anExpiredIdCardIsRefusedAndRecorded(FxRobot robot) throws Exception {
    importDossier(robot, Meetings.expiredIdCard());
    ListView<CheckLine> mrzChecks = checks(robot, "#mrz-checks");
    CheckLine expired =
        mrzChecks.getItems().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
    assertTrue(expired.reason().startsWith("Document expiré"), expired.reason());
    robot.interact(() -> mrzChecks.scrollTo(expired));
    assertShown(robot, "Refusé — Document expiré");
    Proofings.typePrintedNames(robot, SAMPLE_HOLDER);
    robot.clickOn("#next");
    Proofings.documentConforms(robot);
    robot.clickOn("#next");
    Proofings.samePerson(robot, clock);
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#next").clickOn("#next");
    assertShown(robot, "Enregistrer le refus");

    robot.clickOn("#generate");
    Proofings.holderAccepts(robot);

    waitForResult(robot);
    assertShown(robot, "Rendez-vous refusé pour ces motifs");
    assertShown(robot, "Pièce d'identité : Document expiré");
    assertEquals(
        "REFUSED", status(robot.lookup("#intervention-id").queryAs(Label.class).getText()));
  }
}
