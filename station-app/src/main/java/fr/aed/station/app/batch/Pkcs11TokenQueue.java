package fr.aed.station.app.batch;

import fr.aed.station.app.device.TokenConnectors.Pkcs11Spec;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.NoCardException;
import fr.aed.station.token.pkcs11.Pkcs11Tokens;
import fr.aed.station.token.pkcs11.Pkcs11Tokens.PresentToken;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tokens brought one after another behind a PKCS#11 module, in any of its slots: the next one
 * is a token present that this batch has not taken yet, told apart by its serial number and label.
 * A token taken once is never taken again in the batch, whether its enrollment succeeded or failed,
 * so it may stay plugged in while the next one comes. The officer's own card, when a module over
 * PC/SC readers (OpenSC, ykcs11) shows it too, is never taken: trying the holders' PIN on it would
 * cost it a try each time.
 */
public final class Pkcs11TokenQueue implements TokenQueue {

  private final Pkcs11Spec spec;
  private final String officerReader;
  private final Set<String> taken = new HashSet<>();
  private Pkcs11Tokens tokens;

  /**
   * The tokens of the module of {@code spec}, opened as it says (with an SO PIN when it names one).
   *
   * @param officerReader a part of the name of the reader holding the officer's card, whose slot is
   *     left out; empty when the officer's card is not in a reader
   * @throws IllegalArgumentException if {@code spec} names a slot: a batch takes every slot
   */
  public Pkcs11TokenQueue(Pkcs11Spec spec, String officerReader) {
    if (spec.slot() != null) {
      throw new IllegalArgumentException(
          "a batch takes the tokens of every slot of "
              + spec.module()
              + ": name no slot=, token= or index=");
    }
    this.spec = spec;
    this.officerReader = officerReader;
  }

  /**
   * Waits for a token this batch has not taken yet; a token already present counts.
   *
   * @throws NoCardException if none came within {@code timeout}
   * @throws fr.aed.station.token.ModuleNotFoundException if the module cannot be loaded
   * @throws TokenException if the module fails or the wait was interrupted
   */
  @Override
  public QueuedToken next(Duration timeout) throws TokenException {
    if (tokens == null) {
      tokens = Pkcs11Tokens.of(spec.module());
    }
    PresentToken token =
        tokens
            .await(notTakenNorOfficers(), timeout)
            .orElseThrow(() -> new NoCardException(spec.module().toString()));
    taken.add(token.identity());
    return new QueuedToken(token.toString(), false, spec.connector(token.slot()));
  }

  private Predicate<PresentToken> notTakenNorOfficers() {
    return token ->
        !taken.contains(token.identity())
            && (officerReader.isEmpty() || !token.slotDescription().contains(officerReader));
  }

  /** Nothing to wait for: a token taken is not taken again. */
  @Override
  public boolean awaitRemoval(QueuedToken token, Duration timeout) {
    return true;
  }
}
