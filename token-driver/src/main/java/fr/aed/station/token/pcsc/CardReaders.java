package fr.aed.station.token.pcsc;

import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.apdu.GetResponseTransport;
import fr.aed.station.token.piv.PivToken;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/** The card readers of one terminal factory: the system's PC/SC, or the in-process simulator. */
public final class CardReaders {

  // Registered by the simulator module when it is on the class path; named here by string only.
  private static final String SIMULATOR_FACTORY_TYPE = "StationSimulator";
  private static final String PCSC_FACTORY_TYPE = "PC/SC";

  private final String factoryType;
  private final String serviceName;

  private CardReaders(String factoryType, String serviceName) {
    this.factoryType = factoryType;
    this.serviceName = serviceName;
  }

  /** The readers of the system's PC/SC service (pcscd). */
  public static CardReaders system() {
    return new CardReaders(PCSC_FACTORY_TYPE, "the PC/SC service (pcscd)");
  }

  /** The in-process readers holding simulated cards. */
  public static CardReaders inProcess() {
    return new CardReaders(SIMULATOR_FACTORY_TYPE, "the in-process card simulator");
  }

  /**
   * The names of the readers present now.
   *
   * @throws TokenException if the PC/SC service (or the simulator) is unavailable
   */
  public List<String> readerNames() throws TokenException {
    return readers().stream().map(CardTerminal::getName).toList();
  }

  /**
   * Connects to the card in the first reader whose name contains {@code readerNamePart} and opens
   * its PIV application, with the default management key.
   *
   * @throws TokenException if no such reader (the message lists the readers present), no card, no
   *     PIV application, or the PC/SC service is unavailable
   */
  public Token openPiv(String readerNamePart) throws TokenException {
    return openPiv(readerNamePart, PivToken.DEFAULT_MANAGEMENT_KEY);
  }

  /**
   * Like {@link #openPiv(String)}, with the card's own 3DES management key (24 bytes).
   *
   * @throws TokenException if no such reader, no card, no PIV application, or no PC/SC service
   */
  public PivToken openPiv(String readerNamePart, byte[] managementKey) throws TokenException {
    CardTerminal terminal = find(readerNamePart);
    Card card;
    try {
      if (!terminal.isCardPresent()) {
        throw new TokenException("no card in reader " + terminal.getName());
      }
      card = terminal.connect("*");
    } catch (CardException e) {
      throw new TokenException("cannot connect to the card in " + terminal.getName(), e);
    }
    PcscTransport transport = new PcscTransport(terminal, card);
    try {
      return new PivToken(new GetResponseTransport(transport), terminal.getName(), managementKey);
    } catch (TokenException | RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  private CardTerminal find(String readerNamePart) throws TokenException {
    List<CardTerminal> readers = readers();
    return readers.stream()
        .filter(t -> t.getName().contains(readerNamePart))
        .findFirst()
        .orElseThrow(
            () ->
                new TokenException(
                    "no reader matches '"
                        + readerNamePart
                        + "'; readers present: "
                        + (readers.isEmpty()
                            ? "none"
                            : readers.stream().map(CardTerminal::getName).toList())));
  }

  private List<CardTerminal> readers() throws TokenException {
    try {
      CardTerminals terminals = TerminalFactory.getInstance(factoryType, null).terminals();
      return terminals.list();
    } catch (NoSuchAlgorithmException e) {
      throw new TokenException(serviceName + " is unavailable", e);
    } catch (CardException e) {
      throw new TokenException(serviceName + " is unavailable: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
