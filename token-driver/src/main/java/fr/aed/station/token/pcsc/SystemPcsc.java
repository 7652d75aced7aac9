package fr.aed.station.token.pcsc;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jnasmartcardio.Smartcardio;

/**
 * The system's PC/SC service through the JNA provider {@code jnasmartcardio} rather than the JDK's
 * SunPCSC. SunPCSC establishes one PC/SC context for the JVM's life: once pcscd restarts, every
 * factory, even a new one, fails with {@code SCARD_E_NO_SERVICE} until the process ends. The JNA
 * provider establishes a context for each {@link #open()}, so a new one reaches the new pcscd.
 */
final class SystemPcsc implements CardReaders.TerminalSource {

  private static final String PCSC_FACTORY_TYPE = "PC/SC";

  // One provider instance: it only names its factory class; each factory loads libpcsclite.
  private static final Provider PROVIDER = new Smartcardio();

  /**
   * A new PC/SC context and its readers.
   *
   * @throws NoSuchAlgorithmException if the PC/SC library (libpcsclite) cannot be loaded
   * @throws CardException if no context can be established (pcscd not running: {@code
   *     SCARD_E_NO_SERVICE})
   */
  @Override
  public CardTerminals open() throws NoSuchAlgorithmException, CardException {
    try {
      return factory().terminals();
    } catch (Smartcardio.EstablishContextException e) {
      // The provider says SCardEstablishContext failed with an unchecked exception; its cause is
      // the CardException that names the PC/SC code.
      throw e.getCause();
    }
  }

  /**
   * A factory of the JNA provider; each {@code terminals()} call establishes a new context, and
   * fails with the unchecked {@code Smartcardio.EstablishContextException} when it cannot.
   *
   * @throws NoSuchAlgorithmException if the PC/SC library (libpcsclite) cannot be loaded
   */
  static TerminalFactory factory() throws NoSuchAlgorithmException {
    return TerminalFactory.getInstance(PCSC_FACTORY_TYPE, null, PROVIDER);
  }

  /**
   * Releases the PC/SC context of readers no longer used (the context of a stopped pcscd included:
   * its release fails, which is ignored), rather than leaving it to the garbage collector.
   */
  @Override
  public void release(CardTerminals terminals) {
    if (terminals instanceof Smartcardio.JnaCardTerminals jna) {
      try {
        jna.close();
      } catch (CardException | RuntimeException e) {
        // The service that held the context is gone: nothing left to release.
      }
    }
  }
}
