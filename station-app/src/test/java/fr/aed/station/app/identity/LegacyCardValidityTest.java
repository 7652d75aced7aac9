package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.domain.IdentityDocumentType;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every date rule of the legacy card at its boundary. */
class LegacyCardValidityTest {

  @ParameterizedTest(name = "issued {0}, born {1}: {2} years")
  @CsvSource({
    // before the extension: 10 years, adult or not
    "2004-01-01, 1970-01-01, 10",
    // décret 2013-1188: adults from 2 Jan 2004 to 31 Dec 2013, extended by 5 years
    "2004-01-02, 1970-01-01, 15",
    "2013-12-31, 1970-01-01, 15",
    // minors are never extended
    "2004-01-02, 1990-01-01, 10",
    "2013-12-31, 2000-01-01, 10",
    // from 2014: 15 years for adults, 10 for minors
    "2014-01-01, 1970-01-01, 15",
    "2014-01-01, 2000-01-01, 10",
    // 18 on the day of issue is adult, 18 the next day is not
    "2014-06-15, 1996-06-15, 15",
    "2014-06-15, 1996-06-16, 10",
    "2010-06-15, 1992-06-15, 15",
    "2010-06-15, 1992-06-16, 10",
  })
  void validityYears(LocalDate issue, LocalDate birth, int years) {
    assertEquals(years, LegacyCardValidity.validityYears(issue, birth));
    assertEquals(
        issue.plusYears(years).minusDays(1), LegacyCardValidity.lastValidDay(issue, birth));
  }

  @ParameterizedTest(name = "issued {0} (YYMM), born {1}, meeting {2}: accepted {3}")
  @CsvSource({
    // issued Sep 1994 to an adult: until 31 Aug 2004
    "9409, 651206, 2004-08-31, true",
    "9409, 651206, 2004-09-01, false",
    // issued Feb 2004 to an adult: extended, until 31 Jan 2019
    "0402, 651206, 2019-01-31, true",
    "0402, 651206, 2019-02-01, false",
    // issued Jan 2004: the MRZ gives no day, the 1st is assumed, so not extended
    "0401, 651206, 2013-12-31, true",
    "0401, 651206, 2014-01-01, false",
    // issued Dec 2013 to an adult: extended, until 30 Nov 2028
    "1312, 651206, 2028-11-30, true",
    "1312, 651206, 2028-12-01, false",
    // issued Jan 2014 to an adult: 15 years
    "1401, 651206, 2028-12-31, true",
    "1401, 651206, 2029-01-01, false",
    // issued Mar 2015 to a minor born 2000: 10 years
    "1503, 000301, 2025-02-28, true",
    "1503, 000301, 2025-03-01, false",
  })
  void validityReadFromTheMrz(String issue, String birth, LocalDate day, boolean accepted) {
    String mrz = MrzSpecimen.legacy("DUPONT", issue, "JEAN", birth, 'M');

    DocumentVerdict verdict = IdentityDocumentCheck.verify(mrz, day);

    assertEquals(IdentityDocumentType.LEGACY_ID_CARD, verdict.fields().type());
    assertEquals(accepted, verdict.accepted(), verdict.checks()::toString);
  }
}
