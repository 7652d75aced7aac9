package fr.aed.station.app.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.app.dossier.DossierRules;
import fr.aed.station.app.fuzz.FuzzInput;
import fr.aed.station.app.fuzz.FuzzStats;
import fr.aed.station.app.fuzz.ShortFuzzRun;
import fr.aed.station.app.identity.NameFolding;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The company checks on hostile evidence (issue 14): any SIREN, SIRET, VAT number, extract date and
 * names give a verdict, never an exception, each check with a reason; and each check passes exactly
 * when the rule, recomputed here independently (Luhn, La Poste's sum of digits, the VAT key, the
 * 3-month age), says it should.
 *
 * <p>Input fields ({@link FuzzInput}; a field holding only NUL is absent): SIREN, SIRET, VAT
 * number, extract date (or absent), name on the extract, name in the dossier, meeting day.
 */
class CompanyChecksFuzzTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

  // The seeds once before the fuzzer's clock starts (see EnrollmentFileFuzzTest).
  @BeforeAll
  static void warmUp() {
    seeds().forEach(CompanyChecksFuzzTest::check);
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void anyEvidenceGivesTheVerdictTheRulesGive(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  @Test
  void shortRun() throws Exception {
    ShortFuzzRun.run(
        seeds(),
        List.of(" ", "\u00a0", "0", "5", "9", "FR", "356000000", "\0"),
        ShortFuzzRun.INPUTS,
        CompanyChecksFuzzTest::check);
  }

  static void check(byte[] bytes) {
    FuzzInput input = new FuzzInput(bytes);
    String siren = input.textOrNull();
    String siret = input.textOrNull();
    String vat = input.textOrNull();
    LocalDate kbis = input.textOrNull() == null ? null : input.date(FIRST_DAY, LAST_DAY);
    String nameOnKbis = input.textOrNull();
    String dossierName = input.textOrNull();
    LocalDate day = input.date(FIRST_DAY, LAST_DAY);

    CompanyVerdict verdict =
        CompanyRegistrationCheck.verify(
            new CompanyEvidence(siren, siret, vat, kbis, nameOnKbis, dossierName), day);
    assertFalse(verdict.checks().isEmpty());
    verdict.checks().forEach(check -> assertFalse(check.reason().isBlank(), check::toString));
    assertEquals(verdict.failures().isEmpty(), verdict.accepted());

    String compactSiren = compact(siren);
    String compactSiret = compact(siret);
    String effectiveSiren =
        compactSiren != null
            ? compactSiren
            : compactSiret == null || compactSiret.length() < 9
                ? compactSiret
                : compactSiret.substring(0, 9);
    for (CompanyCheck check : verdict.checks()) {
      boolean expected =
          switch (check.code()) {
            case SIREN -> compactSiren != null && validSiren(compactSiren);
            case SIRET -> validSiret(compactSiret);
            case SIRET_OF_SIREN -> compactSiret.startsWith(compactSiren);
            case VAT_NUMBER ->
                validSiren(effectiveSiren) && vatOf(effectiveSiren).equals(compact(vat));
            case KBIS_DATE -> !kbis.isAfter(day) && kbis.isAfter(day.minusMonths(3));
            case COMPANY_NAME ->
                !NameFolding.key(nameOnKbis).isEmpty()
                    && NameFolding.key(nameOnKbis).equals(NameFolding.key(dossierName));
          };
      assertEquals(expected, check.passed(), check::toString);
    }
    // The dossier form's field rules take the same text and must not throw either.
    if (siren != null) {
      assertEquals(validSiren(compactSiren), DossierRules.siren(siren).isEmpty());
    }
    if (siret != null) {
      DossierRules.siret(siret, siren);
    }
  }

  private static String compact(String typed) {
    return typed == null
        ? null
        : typed.replaceAll("[\\s\\u00A0\\u202F]", "").toUpperCase(Locale.ROOT);
  }

  private static boolean validSiren(String siren) {
    return siren != null && siren.matches("[0-9]{9}") && !siren.equals("000000000") && luhn(siren);
  }

  private static boolean validSiret(String siret) {
    if (siret == null || !siret.matches("[0-9]{14}") || !validSiren(siret.substring(0, 9))) {
      return false;
    }
    // La Poste's establishments: a digit sum multiple of 5 instead of Luhn; its head office: Luhn.
    if (siret.startsWith("356000000") && !siret.equals("35600000000048")) {
      return siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    return luhn(siret);
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    }
    return sum % 10 == 0;
  }

  private static String vatOf(String siren) {
    long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
    return String.format("FR%02d%s", key, siren);
  }

  static List<byte[]> seeds() {
    return List.of(
        FuzzInput.encode(
            "912345675", "91234567500017", "FR55912345675", "1", "Atelier", "Atelier", 45000),
        FuzzInput.encode("912 345 675", null, null, null, null, null, 45000),
        FuzzInput.encode(
            null, "356 000 000 00048", "fr 00356000000", "45000", "La Poste", "LA POSTE", 45000),
        FuzzInput.encode(null, null, null, null, null, null, 0),
        // a La Poste establishment passing Luhn, not the sum of 5: refused (long run of issue 14)
        FuzzInput.encode(null, "35600000004800", null, null, null, null, 45000),
        FuzzInput.encode("000000000", "1234", "FR12", "99999", "", "x", 109572));
  }
}
