package fr.aed.station.app.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyIdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"552081317", "912345675", "356000000"})
  void validSirens(String siren) {
    assertTrue(CompanyIdentifiers.isValidSiren(siren));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000000", "552081318", "55208131", "5520813170", "55208131A", ""})
  void invalidSirens(String siren) {
    assertFalse(CompanyIdentifiers.isValidSiren(siren));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91234567500017", "35600000000048", "35600000010000"})
  void validSirets(String siret) {
    assertTrue(CompanyIdentifiers.isValidSiret(siret));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91234567500018", "35600000010013", "9123456750001", "00000000000000"})
  void invalidSirets(String siret) {
    assertFalse(CompanyIdentifiers.isValidSiret(siret));
  }
}
