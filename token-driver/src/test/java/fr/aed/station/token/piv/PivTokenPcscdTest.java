package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.aed.station.token.KeyType;
import fr.aed.station.token.pcsc.CardReaders;
import org.junit.jupiter.api.Tag;

/**
 * The PIV contract on the simulated card behind the real pcscd and vpcd (scripts/pcsc-tests runs
 * it). Selected only by the Maven profile {@code pcscd}; then it fails, never skips, when the
 * reader named by {@code -Dpcsc.reader} (or {@code PCSC_READER}) is absent. {@code -Dpcsc.profile}
 * names the simulated card's profile (default {@code yubikey-5.7}), which tells the key types it
 * must generate: RSA-3072 on yubikey-5.7 only.
 */
@Tag("pcscd")
class PivTokenPcscdTest extends PivTokenContract {

  @Override
  protected PivToken open() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(
        reader == null || reader.isBlank(),
        "name the reader holding the simulated card with -Dpcsc.reader or PCSC_READER");
    return new PivCards(CardReaders.system()).open(reader);
  }

  @Override
  protected boolean generates(KeyType type) {
    return type != KeyType.RSA3072
        || System.getProperty("pcsc.profile", "yubikey-5.7").equals("yubikey-5.7");
  }
}
