package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PivMetadataTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void aSlotsMetadataGivesItsAlgorithmPolicyOriginAndKey() {
    PivMetadata.Slot slot =
        PivMetadata.slot(HEX.parseHex("010111" + "02020301" + "030101" + "0403860141"));
    assertEquals(0x11, slot.algorithm());
    assertEquals(PinPolicy.ALWAYS, slot.pinPolicy());
    assertTrue(slot.generatedOnCard());
    assertArrayEquals(HEX.parseHex("860141"), slot.publicKey());
  }

  @Test
  void anImportedKeyIsNotGeneratedOnTheCard() {
    assertFalse(PivMetadata.slot(HEX.parseHex("010107" + "02020201" + "030102")).generatedOnCard());
  }

  @Test
  void theManagementKeysAlgorithmAndFactoryFlag() {
    PivMetadata.ManagementKeyInfo aes =
        PivMetadata.managementKey(HEX.parseHex("01010A" + "02020001" + "050101"));
    assertEquals(Optional.of(ManagementKeyAlgorithm.AES_192), aes.algorithm());
    assertTrue(aes.factory());
    PivMetadata.ManagementKeyInfo changed =
        PivMetadata.managementKey(HEX.parseHex("010103" + "02020001" + "050100"));
    assertEquals(Optional.of(ManagementKeyAlgorithm.TRIPLE_DES), changed.algorithm());
    assertFalse(changed.factory());
  }

  @Test
  void thePinsFactoryFlagAndTries() {
    PivMetadata.Reference pin =
        PivMetadata.reference(HEX.parseHex("0101FF" + "050101" + "06020302"));
    assertTrue(pin.factory());
    assertEquals(2, pin.triesLeft());
  }

  @Test
  void malformedMetadataIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PivMetadata.slot(HEX.parseHex("010111")));
    assertThrows(
        IllegalArgumentException.class, () -> PivMetadata.slot(HEX.parseHex("01021111020203")));
    assertThrows(
        IllegalArgumentException.class, () -> PivMetadata.slot(HEX.parseHex("010111020209")));
  }

  @Test
  void thePinProtectedKeyLayoutReadsBack() {
    ManagementKey key = new ManagementKey(ManagementKeyAlgorithm.AES_192, new byte[24]);
    byte[] printed = PinProtectedManagementKey.printedObject(key);
    assertEquals("881a8918" + "00".repeat(24), HEX.formatHex(printed));
    assertArrayEquals(new byte[24], PinProtectedManagementKey.keyBytes(printed).orElseThrow());
    assertTrue(PinProtectedManagementKey.flagged(PinProtectedManagementKey.adminData()));
    assertFalse(PinProtectedManagementKey.flagged(HEX.parseHex("8003810101")));
    assertFalse(PinProtectedManagementKey.flagged(HEX.parseHex("80ff")));
    assertTrue(PinProtectedManagementKey.keyBytes(HEX.parseHex("5302")).isEmpty());
  }

  @Test
  void aGivenKeysLengthTellsItsAlgorithmWhenTheCardCannot() {
    assertEquals(ManagementKeyAlgorithm.TRIPLE_DES, ManagementKeyAlgorithm.forLength(24));
    assertEquals(ManagementKeyAlgorithm.AES_128, ManagementKeyAlgorithm.forLength(16));
    assertEquals(ManagementKeyAlgorithm.AES_256, ManagementKeyAlgorithm.forLength(32));
    assertThrows(IllegalArgumentException.class, () -> ManagementKeyAlgorithm.forLength(20));
  }
}
