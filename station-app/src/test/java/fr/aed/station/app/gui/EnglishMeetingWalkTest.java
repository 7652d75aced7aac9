package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole meeting walked through the window in English, on the simulated card: every text shown on
 * every page (labels, list lines, texts, tooltips, prompts, both windows) is read, and none is
 * French, once the holder's own data (names, company, places, the files' names) is set aside.
 */
@ExtendWith(ApplicationExtension.class)
class EnglishMeetingWalkTest {

  // A table cell too narrow for the holder's own words shows them cut short with an ellipsis, as
  // the column's width at that moment allows: still the holder's words, not the window's.
  private static boolean cutShortFrom(String text, List<String> own) {
    String core = text.strip();
    if (!core.endsWith("...") && !core.endsWith("\u2026")) {
      return false;
    }
    String kept = core.replaceAll("(\\.\\.\\.|\u2026)$", "").strip();
    return !kept.isEmpty() && own.stream().anyMatch(word -> word.startsWith(kept));
  }

  // Accented letters English does not use, and the commonest French words.
  private static final Pattern FRENCH =
      Pattern.compile(
          "[éèêàçùûôîœ]|\\b(le|la|les|du|des|une|est|pour|avec|dans|sur|pas|carte|lecteur"
              + "|dossier n°|fiche|titulaire|opérateur|signée|refusé|contrôle|enregistré)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern FRENCH_DATE = Pattern.compile("\\b\\d{2}/\\d{2}/\\d{4}\\b");

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private final Set<String> seen = new LinkedHashSet<>();
  private TestContexts.TestClock clock;

  @Start
  void start(Stage stage) {
    Texts.use(Locale.FRENCH);
    StationContext context = TestContexts.with(dir, dialogs, background, Platform::runLater);
    clock = (TestContexts.TestClock) context.clock();
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    Texts.use(Locale.FRENCH);
  }

  @Test
  void aWholeMeetingInEnglishShowsNoFrench(FxRobot robot) throws Exception {
    Enrollment enrollment = SampleEnrollment.at(LocalDateTime.now());
    @SuppressWarnings("unchecked")
    ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
    robot.interact(() -> language.setValue(Locale.ENGLISH));
    HomeViewTest.assertShown(robot, "Recent interventions");
    read(robot);

    dialogs.toChoose =
        Files.writeString(
            Files.createTempFile(dir, "dossier", ".json"), EnrollmentFile.toJson(enrollment));
    robot.clickOn("#new-meeting");
    HomeViewTest.assertShown(robot, "DOS-DEMO-0001");
    read(robot); // the forms' attestation to confirm
    robot.clickOn("#forms-signed");
    robot.clickOn("#next");
    read(robot); // the identity step, its boxes unticked: the refusals shown
    String mrz = robot.lookup("#mrz").queryAs(TextInputControl.class).getText();
    robot.clickOn("#mrz").push(KeyCode.CONTROL, KeyCode.END).type(KeyCode.BACK_SPACE);
    read(robot); // a check digit refused
    robot.write(mrz.substring(mrz.length() - 1));
    robot.clickOn("#original-seen");
    Proofings.typePrintedNames(robot, enrollment.dossier().holder());
    read(robot);
    robot.clickOn("#next");
    read(robot); // the document's entry and the features drawn
    robot.clickOn("#feature-0-DOES_NOT_CONFORM");
    read(robot); // a feature not conforming: the meeting would be refused
    Proofings.documentConforms(robot);
    read(robot);
    robot.clickOn("#next");
    read(robot); // the portrait's features
    robot.clickOn("#portrait-EARS-DIFFERENT");
    // the verdict given once the time the rules ask has passed
    clock.advance(Proofings.PORTRAIT_TIME);
    robot.clickOn("#portrait-verdict-SAME_PERSON");
    read(robot); // a difference to explain, the time spent
    Proofings.samePerson(robot, clock);
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#authority-DELEGATION");
    read(robot); // company, and a delegation's mandate
    robot.clickOn("#authority-LEGAL_REPRESENTATIVE");
    robot.clickOn("#next");
    read(robot); // fees
    robot.clickOn("#next");
    read(robot); // token and request
    robot.clickOn("#holder-screen");
    read(robot); // the holder's screen, in its own window: the notice first
    Proofings.holderAccepts(robot);
    read(robot); // then the PIN
    robot.clickOn("#holder-pin").write("123456");
    robot.clickOn("#holder-new-pin").write("472913");
    robot.clickOn("#holder-new-pin-again").write("472913");
    robot.type(KeyCode.ENTER);

    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#sheet-pages")
                .tryQuery()
                .map(pages -> !((VBox) pages).getChildren().isEmpty())
                .orElse(false));
    read(robot); // the sheet's pages, the steps done so far
    robot.clickOn("#sign-sheet");
    read(robot); // the holder must sign first
    Canvas pad = robot.lookup("#signature-pad").queryAs(Canvas.class);
    robot.moveTo(pad).moveBy(-150, 20).press(MouseButton.PRIMARY);
    robot.moveBy(60, -40).moveBy(60, 50).moveBy(60, -40).release(MouseButton.PRIMARY);
    robot.clickOn("#sign-sheet");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#intervention-id")
                .tryQuery()
                .map(id -> !((Label) id).getText().isEmpty())
                .orElse(false));
    read(robot); // the result and every step recorded
    robot.clickOn("#export");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> !robot.lookup("#export-path").queryAs(Label.class).getText().isEmpty());
    read(robot);
    robot.clickOn("#back-home");
    HomeViewTest.assertShown(robot, "Closed");
    read(robot);

    assertTrue(seen.size() > 80, "the walk read the window: " + seen.size() + " texts");
    List<String> french = new ArrayList<>();
    List<String> own = holdersOwnWords(enrollment);
    // The reference description is named as its register (PRADO) names it, in its language.
    DocumentCatalogue.builtIn().documents().forEach(entry -> own.add(entry.reference()));
    for (String text : seen) {
      if (cutShortFrom(text, own)) {
        continue;
      }
      String without = text;
      for (String word : own) {
        without = without.replace(word, " ");
      }
      if (FRENCH.matcher(without).find()) {
        french.add(text);
      }
    }
    assertEquals(List.of(), french, "French shown in the English window");
    // one date format in English, not the French day/month/year
    assertEquals(
        List.of(),
        seen.stream().filter(text -> FRENCH_DATE.matcher(text).find()).toList(),
        "dates written the French way");
    assertTrue(seen.contains("Recorded steps:"), "the result page was read");
  }

  // Every text the officer or the holder reads now, in every window of the station.
  private void read(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null) {
              if (window instanceof Stage stage && stage.getTitle() != null) {
                seen.add(stage.getTitle());
              }
              collect(window.getScene().getRoot());
            }
          }
        });
  }

  private void collect(Node node) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled) {
      add(labeled.getText());
    }
    if (node instanceof Text text) {
      add(text.getText());
    }
    if (node instanceof TextInputControl input) {
      // what is typed in a field is the officer's, in the form its label asks: only its prompt
      add(input.getPromptText());
      return;
    }
    if (node instanceof Control control) {
      Tooltip tip = control.getTooltip();
      if (tip != null) {
        add(tip.getText());
      }
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(this::collect);
    }
  }

  private void add(String text) {
    if (text != null && !text.isBlank()) {
      seen.add(text.replace("_", ""));
    }
  }

  // What the holder and the officer wrote in the dossier is theirs, in their language: every text
  // value of the enrollment file, the longest first (a name inside an address).
  private static List<String> holdersOwnWords(Enrollment enrollment) throws Exception {
    List<String> words = new ArrayList<>();
    collectValues(new ObjectMapper().readTree(EnrollmentFile.toJson(enrollment)), words);
    words.sort(Comparator.comparingInt(String::length).reversed());
    return words;
  }

  private static void collectValues(JsonNode node, List<String> into) {
    if (node.isTextual() && node.asText().length() > 1) {
      into.add(node.asText());
    }
    node.forEach(child -> collectValues(child, into));
  }
}
