package fr.aed.station.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.domain.Officer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfficerTrainingTest {

  private static final LocalDate TRAINED = LocalDate.of(2026, 1, 10);
  private static final Officer OFFICER =
      new Officer("Maître Test", "Étude", "Adresse", "AED-1", TRAINED, "ACC-1");

  @Test
  void currentOnTheDayOfTrainingAndUntilAMonthBeforeTheYearEnds() {
    assertEquals(OfficerTraining.CURRENT, OfficerTraining.of(OFFICER, TRAINED));
    assertEquals(OfficerTraining.CURRENT, OfficerTraining.of(OFFICER, LocalDate.of(2026, 6, 1)));
    assertEquals(OfficerTraining.CURRENT, OfficerTraining.of(OFFICER, LocalDate.of(2026, 12, 10)));
  }

  @Test
  void expiresSoonInTheYearsLastMonth() {
    assertEquals(
        OfficerTraining.EXPIRES_SOON, OfficerTraining.of(OFFICER, LocalDate.of(2026, 12, 11)));
    assertEquals(
        OfficerTraining.EXPIRES_SOON, OfficerTraining.of(OFFICER, LocalDate.of(2027, 1, 10)));
  }

  @Test
  void expiredAfterAYear() {
    assertEquals(OfficerTraining.EXPIRED, OfficerTraining.of(OFFICER, LocalDate.of(2027, 1, 11)));
    assertEquals(OfficerTraining.EXPIRED, OfficerTraining.of(OFFICER, LocalDate.of(2028, 3, 1)));
  }

  @Test
  void aTrainingDatedInTheFutureIsATypingError() {
    assertEquals(OfficerTraining.EXPIRED, OfficerTraining.of(OFFICER, TRAINED.minusDays(1)));
  }
}
