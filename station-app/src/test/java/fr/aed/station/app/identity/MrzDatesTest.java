package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two-digit years: births in the past, expiries within 50 years of the meeting day. */
class MrzDatesTest {

  @ParameterizedTest
  @CsvSource({
    "250601, 2025-06-01, 2025-06-01",
    "250602, 2025-06-01, 1925-06-02",
    "300101, 2025-06-01, 1930-01-01",
    "000229, 2025-06-01, 2000-02-29",
    "991231, 2001-01-01, 1999-12-31",
  })
  void birthDatesResolveToThePast(String yymmdd, LocalDate day, LocalDate expected) {
    assertEquals(Optional.of(expected), MrzDates.birthDate(yymmdd, day));
  }

  @ParameterizedTest
  @CsvSource({
    "350101, 2025-06-01, 2035-01-01",
    "120415, 2025-06-01, 2012-04-15",
    "750601, 2025-06-01, 1975-06-01",
    "750531, 2025-06-01, 2075-05-31",
    "750602, 2025-06-01, 1975-06-02",
    "050101, 2095-06-01, 2105-01-01",
  })
  void expiryDatesResolveWithinFiftyYears(String yymmdd, LocalDate day, LocalDate expected) {
    assertEquals(Optional.of(expected), MrzDates.expiryDate(yymmdd, day));
  }

  @ParameterizedTest
  @CsvSource({"901313", "900230", "9O0101", "<<<<<<", "900100"})
  void notDates(String yymmdd) {
    assertEquals(Optional.empty(), MrzDates.birthDate(yymmdd, LocalDate.of(2025, 6, 1)));
    assertEquals(Optional.empty(), MrzDates.expiryDate(yymmdd, LocalDate.of(2025, 6, 1)));
  }
}
