package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.OfficerProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficerSignInViewModelTest {

  @TempDir Path dir;

  private final List<OfficerCredential> signedIn = new ArrayList<>();

  @AfterEach
  void closeCards() {
    signedIn.forEach(OfficerCredential::close);
  }

  private OfficerSignInViewModel model() {
    OfficerSignInViewModel model =
        new OfficerSignInViewModel(
            TestContexts.sameThread(dir, new TestContexts.FakeDialogs()), signedIn::add);
    model.load();
    return model;
  }

  private static void fill(OfficerSignInViewModel model) {
    model.nameProperty().set("Maître Jeanne Exemple");
    model.officeProperty().set("Étude Exemple");
    model.addressProperty().set("1 rue de l'Exemple, 25000 Besançon");
    model.aedIdentifierProperty().set("AED-025-07");
    model
        .trainedOnProperty()
        .set(java.time.LocalDate.now().minusMonths(2).format(TypedDossier.DAY));
    model.accreditationProperty().set("ACC-025-07");
  }

  @Test
  void firstRunRecordsTheOfficerAndTheCardIdentitiesAreSealedFor() throws Exception {
    OfficerSignInViewModel model = model();
    assertTrue(model.firstRunProperty().get());
    fill(model);
    assertFalse(model.completeProperty().get(), "no card chosen yet");
    model.demonstrationCardProperty().set(true);
    assertTrue(model.completeProperty().get());

    char[] pin = "ignored".toCharArray();
    model.signIn(pin);

    assertEquals(1, signedIn.size(), model.messageProperty().get());
    assertEquals('\0', pin[0], "the PIN is wiped");
    OfficerCredential card = signedIn.get(0);
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals(
          "AED-025-07", new OfficerProfiles(store).load().orElseThrow().officer().aedIdentifier());
      assertEquals(card.keyManagement(), new OfficerKeyring(store).current().orElseThrow());
    }

    OfficerSignInViewModel later = model();
    assertFalse(later.firstRunProperty().get());
    assertEquals("Maître Jeanne Exemple", later.nameProperty().get());
    assertEquals(2, signedIn.size(), "the demonstration card opens without a PIN");
    assertEquals(
        card.keyManagement(), signedIn.get(1).keyManagement(), "the same demonstration card");
  }

  @Test
  void aCardThatCannotBeOpenedIsSaidAndNothingIsRecorded() throws Exception {
    OfficerSignInViewModel model = model();
    fill(model);
    model.readerNameProperty().set("No such reader " + System.nanoTime());

    model.signIn("123456".toCharArray());

    assertTrue(signedIn.isEmpty());
    assertFalse(model.busyProperty().get());
    assertTrue(
        model.messageProperty().get().startsWith("Carte de l'officier"),
        model.messageProperty().get());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertNull(new OfficerProfiles(store).load().orElse(null));
    }
    assertNotNull(model.messageProperty().get());
  }
}
