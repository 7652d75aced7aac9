package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock screen's PIN, checked by the officer's card still open for the session. */
class LockScreenViewModelTest {

  @TempDir Path dir;

  private final OfficerSession officer = new OfficerSession();
  private int unlocked;

  @AfterEach
  void close() {
    officer.close();
  }

  // An officer's card of a reader (not the demonstration one): a simulated card, its PIN known.
  private LockScreenViewModel lockedWithACard() throws Exception {
    OfficerCredential card =
        new OfficerCredential(
            null, List.of(), false, TokenConnectors.freshSimulatedCard().connect(), null);
    officer.signedIn(card, new SignedInOfficer("Maître Exemple", false, "Lecteur", "1A"));
    StationContext context =
        new StationContext(
            dir.resolve("station.db"),
            dir.resolve("out"),
            new PdfSheetRenderer(),
            Clock.systemDefaultZone(),
            Runnable::run,
            Runnable::run,
            new TestContexts.FakeDialogs(),
            false,
            ScriptedReaders.noService(),
            officer);
    return new LockScreenViewModel(context, () -> unlocked++);
  }

  @Test
  void theCardsPinUnlocksAndIsWiped() throws Exception {
    LockScreenViewModel model = lockedWithACard();
    assertTrue(model.asksPin());
    assertTrue(model.officer().contains("Maître Exemple"));
    char[] pin = TokenConnectors.SIMULATED_CARD_PIN.toCharArray();

    model.unlock(pin);

    assertEquals(1, unlocked);
    assertArrayEquals(new char[pin.length], pin);
    assertFalse(model.busyProperty().get());
  }

  @Test
  void aWrongPinLeavesTheWindowLockedAndSaysTheTriesLeft() throws Exception {
    LockScreenViewModel model = lockedWithACard();

    model.unlock("000000".toCharArray());

    assertEquals(0, unlocked);
    assertTrue(model.messageProperty().get().startsWith("Carte de l'officier"));
    assertTrue(model.messageProperty().get().matches(".*\\d.*"), model.messageProperty().get());
    assertFalse(model.busyProperty().get());
  }
}
