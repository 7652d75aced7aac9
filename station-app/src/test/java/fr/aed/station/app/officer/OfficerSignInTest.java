package fr.aed.station.app.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in's look at the database: none yet at a station's first start. */
class OfficerSignInTest {

  @TempDir Path dir;

  @Test
  void aFirstStartFindsNoOfficerAndMakesNoDatabase() throws Exception {
    Path database = dir.resolve("data").resolve("station.db");
    OfficerSignIn signIn = new OfficerSignIn(database, Clock.systemDefaultZone());

    assertEquals(Optional.empty(), signIn.recorded());
    assertFalse(Files.exists(database.getParent()), "nothing made before the officer is recorded");

    Officer officer =
        new Officer(
            "Maître Jeanne Exemple", "Étude", "1 rue", "AED-1", LocalDate.of(2026, 6, 1), "ACC-1");
    try (OfficerCredential card =
        signIn.register(new OfficerProfile(officer, OfficerSignIn.DEMO), () -> new char[0])) {
      assertTrue(card.demonstration());
    }
    assertEquals(officer, signIn.recorded().orElseThrow().officer());
  }
}
