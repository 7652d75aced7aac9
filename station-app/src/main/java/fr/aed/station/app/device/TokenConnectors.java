package fr.aed.station.app.device;

import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardReaders;
import fr.aed.station.token.piv.ManagementKey;
import fr.aed.station.token.piv.PivCards;
import fr.aed.station.token.pkcs11.Pkcs11Slot;
import fr.aed.station.token.pkcs11.Pkcs11Token;
import fr.aed.station.token.pkcs11.SecurityOfficerPin;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

/** The token connectors the station offers, by the {@code --token} specification. */
public final class TokenConnectors {

  /** The default PIN of a fresh simulated card. */
  public static final String SIMULATED_CARD_PIN = "123456";

  /**
   * The PIN the demonstration's holder chooses for a simulated card (testers' mode and {@code
   * station demo}): a test card's, never a real holder's.
   */
  public static final String SIMULATED_HOLDER_PIN = "472913";

  private static final String SO_PIN_ENV = "so-pin-env=";

  private TokenConnectors() {}

  /**
   * Parses a token specification: {@code pcsc:<reader name part>}, {@code pkcs11:<module
   * path>[;slot=<id>|;token=<label>|;index=<n>][;so-pin-env=<VAR>]} (the first slot holding a token
   * when none is named), {@code simulated} (a fresh simulated card in an in-process reader) or
   * {@code simulated:<state file>} (the simulated card saved in that file, for testers).
   *
   * <p>{@code so-pin-env} names the environment variable holding the token's security officer PIN,
   * for modules that generate keys only after an SO login: for ykcs11 (a PIV card or YubiKey) the
   * card's management key in hex, which registration-authority staff or the certificate authority
   * provide. The value is never on the command line; it is read when the token is opened.
   *
   * @throws IllegalArgumentException naming the accepted forms when the specification is unknown,
   *     or naming the variable when {@code so-pin-env} names an unset one
   */
  public static TokenConnector fromSpec(String spec) {
    if (spec.equals("simulated")) {
      return freshSimulatedCard();
    }
    if (spec.startsWith("simulated:") && spec.length() > "simulated:".length()) {
      return savedSimulatedCard(Path.of(spec.substring("simulated:".length())));
    }
    if (spec.startsWith("pcsc:")) {
      return new PcscCard(spec.substring("pcsc:".length()), Optional.empty());
    }
    if (spec.startsWith("pkcs11:")) {
      return pkcs11(spec.substring("pkcs11:".length()));
    }
    throw new IllegalArgumentException(
        "unknown token '"
            + spec
            + "': use pcsc:<reader name part>,"
            + " pkcs11:<module>[;slot=N|;token=LABEL][;so-pin-env=VAR], simulated or"
            + " simulated:<state file>");
  }

  /** A PIV card in a reader of the system's PC/SC service, opened with a given management key. */
  private record PcscCard(String readerPart, Optional<ManagementKey> key)
      implements TokenConnector {
    @Override
    public Token connect() throws TokenException {
      return new PivCards(CardReaders.system()).open(readerPart, key);
    }

    @Override
    public TokenConnector withManagementKey(ManagementKey managementKey) {
      return new PcscCard(readerPart, Optional.of(managementKey));
    }
  }

  private static TokenConnector pkcs11(String spec) {
    Pkcs11Spec parsed = Pkcs11Spec.parse(spec);
    return parsed.connector(parsed.slot() == null ? Pkcs11Slot.atIndex(0) : parsed.slot());
  }

  /**
   * A {@code pkcs11:} token specification, without its prefix: {@code
   * <module>[;slot=N|;token=LABEL|;index=N][;so-pin-env=VAR]}.
   *
   * @param module the module's path
   * @param slot the slot named, or null when none is
   * @param securityOfficerVariable the environment variable holding the SO PIN, or null
   */
  public record Pkcs11Spec(Path module, Pkcs11Slot slot, String securityOfficerVariable) {

    /**
     * Parses {@code spec}, the part after {@code pkcs11:}.
     *
     * @throws IllegalArgumentException if no module is named, a selector is unknown, more than one
     *     slot is named or {@code so-pin-env} names an unset variable
     */
    public static Pkcs11Spec parse(String spec) {
      String[] parts = spec.split(";", -1);
      String module = parts[0];
      if (module.isBlank()) {
        throw new IllegalArgumentException("pkcs11: name the module, as pkcs11:/path/to/module.so");
      }
      Pkcs11Slot slot = null;
      String securityOfficerVariable = null;
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].startsWith(SO_PIN_ENV)) {
          securityOfficerVariable = parts[i].substring(SO_PIN_ENV.length());
          requireSet(securityOfficerVariable);
        } else if (slot == null) {
          slot = parseSlot(parts[i]);
        } else {
          throw new IllegalArgumentException(
              "'" + parts[i] + "': name one slot only, with slot=N, token=LABEL or index=N");
        }
      }
      return new Pkcs11Spec(Path.of(module), slot, securityOfficerVariable);
    }

    /** Opens the token in {@code chosen}, as the security officer too when a variable is named. */
    public TokenConnector connector(Pkcs11Slot chosen) {
      if (securityOfficerVariable == null) {
        return () -> Pkcs11Token.open(module, chosen);
      }
      String variable = securityOfficerVariable;
      return () -> Pkcs11Token.open(module, chosen, SecurityOfficerPin.fromEnvironment(variable));
    }
  }

  private static void requireSet(String variable) {
    if (variable.isBlank()) {
      throw new IllegalArgumentException("so-pin-env= names no variable: use so-pin-env=VAR");
    }
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "so-pin-env=" + variable + ": the environment variable " + variable + " is not set");
    }
  }

  private static Pkcs11Slot parseSlot(String selector) {
    int equals = selector.indexOf('=');
    String name = equals < 0 ? selector : selector.substring(0, equals);
    String value = equals < 0 ? "" : selector.substring(equals + 1);
    try {
      return switch (name) {
        case "token" -> Pkcs11Slot.withTokenLabel(value);
        case "slot" -> Pkcs11Slot.withId(Long.parseLong(value));
        case "index" -> Pkcs11Slot.atIndex(Integer.parseInt(value));
        default ->
            throw new IllegalArgumentException(
                "unknown PKCS#11 slot selector '"
                    + selector
                    + "': use slot=N, token=LABEL or index=N");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + selector + "': the slot id or index is a number", e);
    }
  }

  /** A connector that inserts a fresh simulated card and opens it like any card in a reader. */
  public static TokenConnector freshSimulatedCard() {
    return freshSimulatedCard(false);
  }

  /**
   * Like {@link #freshSimulatedCard()}; for testers, {@code pullAtKeyGeneration} pulls the card out
   * of its reader as the key generation command is sent, so the command is lost as with a card
   * pulled during generation.
   */
  public static TokenConnector freshSimulatedCard(boolean pullAtKeyGeneration) {
    return () -> {
      SimulatedCard card = SimulatedCard.insert();
      Token token = new PivCards(CardReaders.inProcess()).open(card.readerName());
      return new SimulatedCardToken(token, card, pullAtKeyGeneration);
    };
  }

  /**
   * A connector that inserts the simulated card kept in {@code stateFile} (a fresh one saved there
   * when the file does not exist yet): a test card that keeps its keys across runs.
   */
  public static TokenConnector savedSimulatedCard(Path stateFile) {
    return savedSimulatedCard(stateFile, false);
  }

  /**
   * Like {@link #savedSimulatedCard(Path)}, its folder made when missing; for testers, {@code
   * pullAtKeyGeneration} pulls the card out as the key generation command is sent, the card then
   * keeping what it had (its PIN changed, its management key), as a real card pulled out does.
   */
  public static TokenConnector savedSimulatedCard(Path stateFile, boolean pullAtKeyGeneration) {
    return () -> {
      SimulatedCard card;
      try {
        Path folder = stateFile.toAbsolutePath().getParent();
        if (folder != null) {
          PrivateFiles.createFolders(folder);
        }
        card = SimulatedCard.insert(stateFile);
      } catch (IOException | IllegalArgumentException e) {
        throw new TokenException("the simulated card " + stateFile + ": " + e.getMessage(), e);
      }
      Token token = new PivCards(CardReaders.inProcess()).open(card.readerName());
      return new SimulatedCardToken(token, card, pullAtKeyGeneration);
    };
  }

  /** A token whose simulated card is removed when the token is closed. */
  private static final class SimulatedCardToken extends ForwardingToken {

    private final SimulatedCard card;
    private final boolean pullAtKeyGeneration;

    SimulatedCardToken(Token token, SimulatedCard card, boolean pullAtKeyGeneration) {
      super(token);
      this.card = card;
      this.pullAtKeyGeneration = pullAtKeyGeneration;
    }

    @Override
    public PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException {
      if (pullAtKeyGeneration) {
        card.close();
      }
      return super.generateKeyPair(slot, type);
    }

    @Override
    public void close() {
      super.close();
      card.close();
    }
  }
}
