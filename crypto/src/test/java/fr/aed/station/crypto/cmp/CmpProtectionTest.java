package fr.aed.station.crypto.cmp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CmpProtectionTest {

  @Test
  void aSharedSecretPrintsItsReferenceButNeverTheSecret() {
    String printed =
        new CmpProtection.SharedSecret("station-0042", "s3cret-7719".toCharArray()).toString();

    assertTrue(printed.contains("station-0042"), printed);
    assertFalse(printed.contains("s3cret-7719"), printed);
  }
}
