package fr.aed.station.simulator;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;

/**
 * Puts a simulated card in a reader of Debian's vpcd driver (vsmartcard), so that pcscd and every
 * PC/SC client on the machine reach it as a card behind a reader.
 *
 * <p>The card side connects to vpcd's TCP port. Each message, both ways, is a 2-byte big-endian
 * length then the bytes: one control byte from vpcd (0 power off, 1 power on, 2 reset, 4 ATR, only
 * the last one answered) or a command APDU (answered with the response APDU). vpcd writes the
 * length and the APDU in two segments; with Nagle and delayed ACKs each exchange would then wait
 * about 40 ms, so the bridge sets TCP_NODELAY, re-arms TCP_QUICKACK before every read (Linux drops
 * it again after a while) and writes each answer in one segment.
 */
public final class VirtualReaderBridge implements AutoCloseable {

  private static final int POWER_OFF = 0;
  private static final int POWER_ON = 1;
  private static final int RESET = 2;
  private static final int GET_ATR = 4;
  private static final int INS_GENERATE_KEY_PAIR = 0x47;
  private static final int INS_GENERAL_AUTHENTICATE = 0x87;
  // The card management key's reference: GENERAL AUTHENTICATE on it authenticates the station,
  // on any other reference it signs (SP 800-73-4, part 2, 3.2.4).
  private static final int KEY_REFERENCE_MANAGEMENT = 0x9B;
  private static final byte[] SW_WRONG_LENGTH = {0x67, 0x00};

  private final SimulatedCard card;
  private final CardFaults faults;
  private final AtomicLong apdus = new AtomicLong();
  private volatile Socket socket;
  private volatile boolean closed;

  /** A bridge for {@code card}, showing {@code faults}; nothing happens before {@link #run}. */
  public VirtualReaderBridge(SimulatedCard card, CardFaults faults) {
    this.card = card;
    this.faults = faults;
  }

  /**
   * Connects to vpcd at {@code host:port}, retrying until vpcd listens or {@code connectTimeout}
   * passes, then serves the card until the card is pulled (a fault), vpcd goes away or {@link
   * #close} is called.
   *
   * @throws IOException if vpcd cannot be reached in time, or the connection fails
   */
  public void run(String host, int port, Duration connectTimeout) throws IOException {
    run(host, port, connectTimeout, () -> {});
  }

  /**
   * Like {@link #run(String, int, Duration)}, calling {@code onInserted} once connected to vpcd.
   *
   * @throws IOException if vpcd cannot be reached in time, or the connection fails
   */
  public void run(String host, int port, Duration connectTimeout, Runnable onInserted)
      throws IOException {
    Socket connected = connect(host, port, connectTimeout);
    onInserted.run();
    try (connected) {
      serve(connected);
    } catch (EOFException | SocketException ended) {
      if (!closed) {
        throw ended;
      }
    }
  }

  /** The number of command APDUs answered so far. */
  public long apduCount() {
    return apdus.get();
  }

  /** Pulls the card out: closes the connection, which vpcd reports to pcscd as card removal. */
  @Override
  public void close() throws IOException {
    closed = true;
    Socket current = socket;
    if (current != null) {
      current.close();
    }
  }

  private Socket connect(String host, int port, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Socket candidate = new Socket();
      try {
        candidate.setTcpNoDelay(true);
        candidate.connect(new InetSocketAddress(host, port), 1000);
        socket = candidate;
        if (closed) {
          candidate.close();
        }
        return candidate;
      } catch (ConnectException refused) {
        candidate.close();
        if (closed || System.nanoTime() > deadline) {
          throw new IOException("vpcd does not listen on " + host + ":" + port, refused);
        }
        sleep(Duration.ofMillis(100));
      }
    }
  }

  private void serve(Socket connection) throws IOException {
    DataInputStream in = new DataInputStream(connection.getInputStream());
    OutputStream out = connection.getOutputStream();
    while (!closed) {
      byte[] message = readMessage(connection, in);
      if (message.length == 1) {
        control(message[0] & 0xFF, out);
        continue;
      }
      long number = apdus.incrementAndGet();
      if (faults.pullAfterApdus() > 0 && number > faults.pullAfterApdus()) {
        close();
        return;
      }
      byte[] response = answer(message);
      if (response == null) {
        close();
        return;
      }
      write(out, response);
    }
  }

  private static byte[] readMessage(Socket connection, DataInputStream in) throws IOException {
    connection.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    int length = in.readUnsignedShort();
    byte[] message = new byte[length];
    connection.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    in.readFully(message);
    return message;
  }

  private void control(int code, OutputStream out) throws IOException {
    switch (code) {
      case POWER_ON, RESET -> card.reset();
      case GET_ATR -> write(out, card.atr());
      case POWER_OFF -> {
        // the card keeps its state; the next power on resets it
      }
      default -> {
        // unknown control codes have no answer in the protocol
      }
    }
  }

  // The card's answer; null when a fault pulls the card instead.
  private byte[] answer(byte[] apdu) {
    if (!ApduFormat.isWellFormed(apdu)) {
      return SW_WRONG_LENGTH.clone();
    }
    int ins = apdu[1] & 0xFF;
    Integer forced = faults.forcedStatus().get(ins);
    if (forced != null) {
      return new byte[] {(byte) (forced >> 8), (byte) (int) forced};
    }
    if (ins == INS_GENERATE_KEY_PAIR) {
      sleep(faults.keyGenerationDelay());
      if (faults.pullDuringKeyGeneration()) {
        return null;
      }
    }
    if (faults.pullDuringSigning() && signs(apdu)) {
      return null;
    }
    return card.transmit(apdu);
  }

  private static boolean signs(byte[] apdu) {
    return (apdu[1] & 0xFF) == INS_GENERAL_AUTHENTICATE
        && (apdu[3] & 0xFF) != KEY_REFERENCE_MANAGEMENT;
  }

  private static void write(OutputStream out, byte[] payload) throws IOException {
    byte[] frame = new byte[payload.length + 2];
    frame[0] = (byte) (payload.length >> 8);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    out.write(frame);
    out.flush();
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the bridge stopped because of {@link #close} or a fault rather than vpcd. */
  public boolean closed() {
    return closed;
  }
}
