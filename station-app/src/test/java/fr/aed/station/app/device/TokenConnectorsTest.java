package fr.aed.station.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors.Pkcs11Spec;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.pkcs11.Pkcs11Slot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code --token} forms; the PKCS#11 ones are only parsed here, no module is loaded. */
class TokenConnectorsTest {

  @Test
  void pkcs11FormsAreAccepted() {
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/usr/lib/softhsm/libsofthsm2.so"));
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/usr/lib/softhsm/libsofthsm2.so;slot=3"));
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/usr/lib/softhsm/libsofthsm2.so;index=1"));
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/opt/module.so;token=Jeanne Martin"));
    // Any variable that is set will do for parsing: PATH always is.
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/opt/libykcs11.so;so-pin-env=PATH"));
    assertNotNull(TokenConnectors.fromSpec("pkcs11:/opt/libykcs11.so;index=0;so-pin-env=PATH"));
  }

  @Test
  void aPkcs11SpecTellsWhetherASlotIsNamed() {
    Pkcs11Spec whole = Pkcs11Spec.parse("/opt/libykcs11.so;so-pin-env=PATH");
    assertEquals(Path.of("/opt/libykcs11.so"), whole.module());
    assertNull(whole.slot(), "no slot named: a batch takes every slot");
    assertEquals("PATH", whole.securityOfficerVariable());

    Pkcs11Spec one = Pkcs11Spec.parse("/usr/lib/softhsm/libsofthsm2.so;index=2");
    assertEquals(Pkcs11Slot.atIndex(2), one.slot());
    assertNull(one.securityOfficerVariable());
  }

  @Test
  void anUnsetSecurityOfficerVariableIsNamedNotGuessed() {
    IllegalArgumentException unset =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TokenConnectors.fromSpec(
                    "pkcs11:/opt/libykcs11.so;so-pin-env=STATION_TEST_SURELY_UNSET_SO_PIN"));
    assertTrue(
        unset.getMessage().contains("STATION_TEST_SURELY_UNSET_SO_PIN is not set"),
        unset.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TokenConnectors.fromSpec("pkcs11:/opt/module.so;slot=1;index=2"));
  }

  @Test
  void malformedPkcs11FormsNameTheAcceptedOnes() {
    IllegalArgumentException selector =
        assertThrows(
            IllegalArgumentException.class,
            () -> TokenConnectors.fromSpec("pkcs11:/opt/module.so;reader=x"));
    assertTrue(selector.getMessage().contains("token=LABEL"), selector.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TokenConnectors.fromSpec("pkcs11:/opt/module.so;slot=two"));
    assertThrows(IllegalArgumentException.class, () -> TokenConnectors.fromSpec("pkcs11:"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> TokenConnectors.fromSpec("usb:x"));
    assertTrue(unknown.getMessage().contains("pkcs11:"), unknown.getMessage());
  }

  @Test
  void aMissingModuleIsReportedWhenConnecting() {
    TokenConnector connector = TokenConnectors.fromSpec("pkcs11:/nowhere/libmissing.so");
    assertThrows(ModuleNotFoundException.class, connector::connect);
  }
}
