package fr.aed.station.simulator;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import fr.aed.station.simulator.applet.PivApplet;
import fr.aed.station.simulator.applet.PivCardState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javacard.framework.AID;
import javax.smartcardio.CardTerminal;

/**
 * A simulated PIV card, inserted in an in-process reader: fresh, or kept in a state file across
 * restarts. It behaves as the real card its {@link CardProfile} names, {@link CardProfile#DEFAULT}
 * unless another is chosen when it is made.
 *
 * <p>Its reader is listed by the in-process terminal factory {@link #TERMINAL_FACTORY_TYPE}, so the
 * token driver reaches it by reader name like any PC/SC reader.
 */
public final class SimulatedCard implements AutoCloseable {

  /** The {@code javax.smartcardio.TerminalFactory} type that lists the simulated readers. */
  public static final String TERMINAL_FACTORY_TYPE = "StationSimulator";

  private static final String PATCHED_RANDOM = "com.licel.jcardsim.crypto.SecureRandomNullProvider";
  // jCardSim seeds its RandomData (used by the applet for witnesses and the GUID) only when asked.
  private static final String SECURE_RANDOM_DATA = "com.licel.jcardsim.randomdata.secure";
  private static final AtomicInteger READER_COUNT = new AtomicInteger();

  private final StatefulSimulator simulator;
  private final CardProfile profile;
  private final CardTerminal terminal;
  private final String readerName;

  private SimulatedCard(
      StatefulSimulator simulator, CardProfile profile, CardTerminal terminal, String readerName) {
    this.simulator = simulator;
    this.profile = profile;
    this.terminal = terminal;
    this.readerName = readerName;
  }

  /**
   * Creates a fresh card of the {@link CardProfile#DEFAULT default profile}, with its own random
   * serial and default PIN, PUK and management key.
   *
   * @throws IllegalStateException if jCardSim's unseeded random generator would be used instead of
   *     this module's replacement (the simulator jar ahead of ours on the class path)
   */
  public static SimulatedCard insert() {
    return insert(CardProfile.DEFAULT);
  }

  /**
   * Creates a fresh card of {@code profile}, with its own random serial and the factory PIN
   * (123456), PUK (12345678) and management key of that profile.
   *
   * @throws IllegalStateException as {@link #insert()}
   */
  public static SimulatedCard insert(CardProfile profile) {
    return insert(install(profile), profile);
  }

  /**
   * Inserts the card kept in {@code stateFile}: the card saved there when the file exists, else a
   * fresh card, saved there at once. The card then saves its state there after every command that
   * changed it (PIN tries included), replacing the file atomically; the file is made readable by
   * its owner only (mode 600), since it holds the card's private keys and PINs in clear.
   *
   * <p>The card keeps the profile it was made with: a card saved in the file comes back as the same
   * profile; a new card is of the {@link CardProfile#DEFAULT default profile}. A file of format 1
   * (saved before profiles existed) holds a {@link CardProfile#YUBIKEY_5_4}, and is rewritten in
   * the current format at once.
   *
   * @throws IOException if the file cannot be read or written
   * @throws IllegalArgumentException naming the file and the problem when it is not a card state of
   *     a format this simulator reads, or was damaged; never a fresh card instead
   * @throws IllegalStateException as {@link #insert()}
   */
  public static SimulatedCard insert(Path stateFile) throws IOException {
    return insert(null, stateFile);
  }

  /**
   * Like {@link #insert(Path)}, for a card of {@code profile}: a new card is made of it, and a card
   * saved in the file must be of it.
   *
   * @throws IOException if the file cannot be read or written
   * @throws IllegalArgumentException naming the file and the problem when it is not a card state of
   *     a format this simulator reads, was damaged, or holds a card of another profile
   * @throws IllegalStateException as {@link #insert()}
   */
  public static SimulatedCard insert(CardProfile profile, Path stateFile) throws IOException {
    CardStateFile file = new CardStateFile(stateFile);
    Optional<PivCardState> saved = file.read();
    CardProfile chosen = profile == null ? CardProfile.DEFAULT : profile;
    if (saved.isPresent()) {
      CardProfile savedProfile = CardProfile.fromCode(saved.get().profile());
      if (profile != null && savedProfile != profile) {
        throw file.refused(
            new IllegalArgumentException(
                "it holds a " + savedProfile.id() + " card, not a " + profile.id() + " one"));
      }
      chosen = savedProfile;
    }
    StatefulSimulator simulator = install(chosen);
    if (saved.isPresent()) {
      try {
        saved.get().restoreInto(simulator.applet());
      } catch (IllegalArgumentException e) {
        throw file.refused(e);
      }
    }
    simulator.keepIn(file);
    return insert(simulator, chosen);
  }

  private static StatefulSimulator install(CardProfile profile) {
    requireSeededRandom();
    System.setProperty(SECURE_RANDOM_DATA, "1");
    SimulatedReaders.installProvider();
    StatefulSimulator simulator = new StatefulSimulator();
    installQuietly(simulator, StatefulSimulator.APPLET_AID, profile.installParameters());
    return simulator;
  }

  private static SimulatedCard insert(StatefulSimulator simulator, CardProfile profile) {
    String name = String.format("Station simulated card %02d", READER_COUNT.incrementAndGet());
    CardTerminal terminal = CardTerminalSimulator.terminal(simulator, name);
    SimulatedReaders.INSTANCE.add(terminal);
    return new SimulatedCard(simulator, profile, terminal, name);
  }

  // jCardSim's Signature.getInstance prints debugging lines on standard output, which would break
  // the station's --json output; our own output does not go through System.out at that moment.
  private static synchronized void installQuietly(
      CardSimulator simulator, AID aid, byte[] parameters) {
    PrintStream standardOutput = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      simulator.installApplet(
          aid, PivApplet.class, parameters, (short) 0, (byte) parameters.length);
    } finally {
      System.setOut(standardOutput);
    }
  }

  /** The real card this one behaves as. */
  public CardProfile profile() {
    return profile;
  }

  /** The name of the in-process reader holding this card. */
  public String readerName() {
    return readerName;
  }

  /** The card's answer to reset. */
  public byte[] atr() {
    return simulator.getATR();
  }

  /** Resets the card, as a reader does at power on: the PIV application must be selected again. */
  public void reset() {
    simulator.reset();
  }

  /**
   * Sends one command APDU straight to the card and returns its response with the status word. The
   * caller makes sure the APDU is well formed (see {@link ApduFormat}).
   *
   * @throws UncheckedIOException if the command changed a card kept in a state file and the new
   *     state could not be saved
   */
  public byte[] transmit(byte[] command) {
    return simulator.transmitCommand(command);
  }

  /** The card's persistent state now, as {@link #insert(Path)} saves it. */
  PivCardState state() {
    return simulator.state();
  }

  /** How many times the card's persistent state changed since it was made. */
  int changeCount() {
    return simulator.changeCount();
  }

  /** Puts the card back in a state {@link #state()} gave, as a state file does at insertion. */
  void restore(PivCardState state) {
    simulator.restore(state);
  }

  /** The reader, as a standard card terminal. */
  public CardTerminal terminal() {
    return terminal;
  }

  /** Removes the card and its reader. */
  @Override
  public void close() {
    SimulatedReaders.INSTANCE.remove(terminal);
    // jCardSim 3.0.6.0 leaves open connections working after assignToTerminal(null); moving the
    // card to an unlisted reader disconnects them, as pulling a real card out would.
    CardTerminalSimulator.terminal(simulator, readerName + " (removed)");
  }

  /**
   * The card simulator, which saves the applet's state after every command that changed it, when
   * the card is kept in a file. Every path to the card (the in-process terminal's channels and
   * {@link #transmit}) goes through {@link #transmitCommand(byte[])}.
   */
  private static final class StatefulSimulator extends CardSimulator {

    static final AID APPLET_AID = new AID(PivApplet.AID, (short) 0, (byte) PivApplet.AID.length);

    private CardStateFile file;
    private int savedChanges;
    private String savedText;

    PivApplet applet() {
      return (PivApplet) runtime.lookupApplet(APPLET_AID).getApplet();
    }

    void keepIn(CardStateFile stateFile) throws IOException {
      synchronized (runtime) {
        file = stateFile;
        savedChanges = PivCardState.changeCount(applet());
        save();
      }
    }

    @Override
    public byte[] transmitCommand(byte[] command) {
      synchronized (runtime) {
        byte[] response = super.transmitCommand(command);
        if (file != null && PivCardState.changeCount(applet()) != savedChanges) {
          savedChanges = PivCardState.changeCount(applet());
          try {
            save();
          } catch (IOException e) {
            throw new UncheckedIOException(
                "the card's new state could not be saved in " + file.path(), e);
          }
        }
        return response;
      }
    }

    PivCardState state() {
      synchronized (runtime) {
        return PivCardState.of(applet());
      }
    }

    int changeCount() {
      synchronized (runtime) {
        return PivCardState.changeCount(applet());
      }
    }

    void restore(PivCardState state) {
      synchronized (runtime) {
        state.restoreInto(applet());
      }
    }

    // Writes only what differs from the file: a right PIN with all its tries left changes nothing.
    private void save() throws IOException {
      PivCardState state = PivCardState.of(applet());
      if (!state.text().equals(savedText)) {
        file.write(state);
        savedText = state.text();
      }
    }
  }

  private static void requireSeededRandom() {
    CodeSource ours = SimulatedCard.class.getProtectionDomain().getCodeSource();
    CodeSource loaded;
    try {
      loaded =
          Class.forName(PATCHED_RANDOM, false, SimulatedCard.class.getClassLoader())
              .getProtectionDomain()
              .getCodeSource();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(PATCHED_RANDOM + " is missing from the class path", e);
    }
    if (!Objects.equals(locationOf(ours), locationOf(loaded))) {
      throw new IllegalStateException(
          "refusing to simulate a card: "
              + PATCHED_RANDOM
              + " was loaded from "
              + locationOf(loaded)
              + " instead of "
              + locationOf(ours)
              + "; jCardSim's own class is never seeded and every card would make the same keys."
              + " Put the simulator module ahead of the jcardsim jar on the class path.");
    }
  }

  private static Object locationOf(CodeSource source) {
    return source == null ? null : source.getLocation();
  }
}
