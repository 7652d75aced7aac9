package fr.aed.station.token.pcsc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Arrays;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
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
 * one (seen with 0.2.7 on a 3,000-byte PIV object). {@link #transmitOnce} sends an APDU with a
 * single SCardTransmit of the provider instead, and {@code GetResponseTransport} fetches the rest.
 */
final class SystemPcsc implements CardReaders.TerminalSource {

  private static final String PCSC_FACTORY_TYPE = "PC/SC";

  // One provider instance: it only names its factory class; each factory loads libpcsclite.
  private static final Provider PROVIDER = new Smartcardio();

  // A short APDU's longest answer: 256 data bytes and the status word.
  private static final int SHORT_ANSWER_MAX = 258;
  private static final int SW1_WRONG_LENGTH = 0x6C;

  // The provider's own single SCardTransmit (private in 0.2.7: the version is pinned, and a unit
  // test checks the method is still there).
  private static final Method TRANSMIT_RAW = transmitRawMethod();

  private static Method transmitRawMethod() {
    try {
      Method method =
          Smartcardio.JnaCardChannel.class.getDeclaredMethod(
              "transmitRaw", ByteBuffer.class, ByteBuffer.class);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@link #transmitOnce} can send on {@code channel}: a channel of this provider. */
  static boolean sendsOnce(CardChannel channel) {
    return TRANSMIT_RAW != null && channel instanceof Smartcardio.JnaCardChannel;
  }

  /**
   * Sends one short command APDU and returns the card's answer as it is, {@code 61xx} included;
   * {@code 6Cxx} (wrong Le) is answered by sending the command again with the Le the card gave, as
   * SunPCSC and the provider do.
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

  /** Whether this provider version still has the single transmission {@link #transmitOnce} uses. */
  static boolean canSendOnce() {
    return TRANSMIT_RAW != null;
  }

  private static byte[] transmitRaw(CardChannel channel, byte[] apdu) throws CardException {
    if (apdu.length < 4 || (apdu.length > 5 && apdu[4] == 0)) {
      throw new IllegalArgumentException("not a short command APDU: " + apdu.length + " bytes");
    }
    ByteBuffer answer = ByteBuffer.allocate(SHORT_ANSWER_MAX);
    try {
      TRANSMIT_RAW.invoke(channel, ByteBuffer.wrap(apdu), answer);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof CardException failure) {
        throw failure;
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new CardException("SCardTransmit failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the provider's transmitRaw cannot be called", e);
    }
    if (answer.position() < 2) {
      throw new CardException("the card answered " + answer.position() + " byte(s), no status");
    }
    return Arrays.copyOf(answer.array(), answer.position());
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
