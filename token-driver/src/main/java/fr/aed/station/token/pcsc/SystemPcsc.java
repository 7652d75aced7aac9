package fr.aed.station.token.pcsc;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import jnasmartcardio.Smartcardio;

/**
 * The system's PC/SC service through the JNA provider {@code jnasmartcardio} rather than the JDK's
 * SunPCSC. SunPCSC establishes one PC/SC context for the JVM's life: once pcscd restarts, every
 * factory, even a new one, fails with {@code SCARD_E_NO_SERVICE} until the process ends. The JNA
 * provider establishes a context for each {@link #open()}, so a new one reaches the new pcscd.
 *
 * <p>Its channels follow {@code 61xx} with at most 8 GET RESPONSE inside one {@code transmit}, and
 * when the 8th still announces bytes they drop that status word and return the data alone: an
 * answer longer than 2,048 bytes arrives without its status word, its last two data bytes taken for
 * one (seen with 0.2.7 on a 3,000-byte PIV object). The provider's transparent mode (Martin
 * Paljak's build, pinned in the parent POM) sends each APDU with a single SCardTransmit instead;
 * {@link #transmitOnce} uses it, and {@code GetResponseTransport} fetches the rest.
 */
final class SystemPcsc implements CardReaders.TerminalSource {

  private static final String PCSC_FACTORY_TYPE = "PC/SC";

  // The provider reads it at each transmission, for every channel of the JVM: set before the
  // first one (this class is loaded before any card of the provider is connected or sent to).
  static final String TRANSPARENT_PROPERTY = "jnasmartcardio.transparent";

  static {
    System.setProperty(TRANSPARENT_PROPERTY, "true");
  }

  // One provider instance: it only names its factory class; each factory loads libpcsclite.
  private static final Provider PROVIDER = new Smartcardio();

  private static final int SW1_WRONG_LENGTH = 0x6C;

  /** Whether {@link #transmitOnce} can send on {@code channel}: a channel of this provider. */
  static boolean sendsOnce(CardChannel channel) {
    return channel instanceof Smartcardio.JnaCardChannel && transparent();
  }

  /**
   * Sends one short command APDU and returns the card's answer as it is, {@code 61xx} included;
   * {@code 6Cxx} (wrong Le) is answered by sending the command again with the Le the card gave, as
   * SunPCSC and the provider's own loop do.
   *
   * @throws CardException if the PC/SC layer fails (the card taken out, pcscd gone)
   * @throws IllegalArgumentException if {@code command} is not a short command APDU
   */
  static byte[] transmitOnce(CardChannel channel, byte[] command) throws CardException {
    return transmitOnce(apdu -> transmitRaw(channel, apdu), command);
  }

  /** One SCardTransmit: the command APDU in, the card's answer out. */
  @FunctionalInterface
  interface RawTransmit {
    byte[] transmit(byte[] apdu) throws CardException;
  }

  // The 6Cxx rule over any single transmission (tested without pcscd).
  static byte[] transmitOnce(RawTransmit raw, byte[] command) throws CardException {
    byte[] apdu = command.clone();
    byte[] answer = raw.transmit(apdu);
    boolean hasLe = apdu.length == 5 || (apdu.length > 5 && apdu.length == 6 + (apdu[4] & 0xFF));
    if (hasLe && answer.length == 2 && (answer[0] & 0xFF) == SW1_WRONG_LENGTH) {
      apdu[apdu.length - 1] = answer[1];
      answer = raw.transmit(apdu);
    }
    return answer;
  }

  /** Whether the provider's channels send each APDU once, as the card answers it. */
  static boolean transparent() {
    return Boolean.parseBoolean(System.getProperty(TRANSPARENT_PROPERTY));
  }

  private static byte[] transmitRaw(CardChannel channel, byte[] apdu) throws CardException {
    if (apdu.length < 4 || (apdu.length > 5 && apdu[4] == 0)) {
      throw new IllegalArgumentException("not a short command APDU: " + apdu.length + " bytes");
    }
    CommandAPDU command = new CommandAPDU(apdu);
    try {
      return channel.transmit(command).getBytes();
    } catch (IllegalArgumentException | IndexOutOfBoundsException noStatusWord) {
      // A card pulled as it answers can leave SCardTransmit "successful" with fewer than the two
      // status bytes, which the provider's transparent mode does not check: a failed transmission.
      throw new CardException("the reader gave an answer without a status word", noStatusWord);
    }
  }

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

  /** Each card session on a context of its own, released when it closes. */
  @Override
  public boolean sessionsOwnReaders() {
    return true;
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
