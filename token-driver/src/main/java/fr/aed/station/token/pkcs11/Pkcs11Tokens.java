package fr.aed.station.token.pkcs11;

import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_TOKEN_INITIALIZED;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import ru.rutoken.pkcs11jna.CK_TOKEN_INFO;

/**
 * The tokens present in the slots of a PKCS#11 module, each told apart by the serial number and
 * label of its C_GetTokenInfo: for a batch that enrolls one token after another, whatever slot each
 * one comes in.
 */
public final class Pkcs11Tokens {

  /** The longest pause between two looks at the slots while waiting for a token. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final Pkcs11Module module;

  private Pkcs11Tokens(Pkcs11Module module) {
    this.module = module;
  }

  /**
   * The tokens of the module at {@code modulePath}, which is loaded if it is not yet.
   *
   * @throws fr.aed.station.token.ModuleNotFoundException if the module is missing, not a PKCS#11
   *     library or built for another architecture
   * @throws TokenException if the module refuses to initialize
   */
  public static Pkcs11Tokens of(Path modulePath) throws TokenException {
    return new Pkcs11Tokens(Pkcs11Module.load(modulePath));
  }

  /** The module's path. */
  public Path module() {
    return module.path();
  }

  /**
   * The initialized tokens present now (C_GetSlotList with tokenPresent), in the module's slot
   * order. Blank tokens, such as SoftHSM2's free slot, are left out: nothing can be enrolled on a
   * token without a user PIN.
   *
   * @throws TokenException if the module fails to list its slots
   */
  public List<PresentToken> present() throws TokenException {
    List<PresentToken> tokens = new ArrayList<>();
    for (long slot : module.slotsWithToken()) {
      CK_TOKEN_INFO info;
      String description;
      try {
        info = module.tokenInfo(slot);
        description = module.slotDescription(slot);
      } catch (CardRemovedException e) {
        continue; // taken out between the calls: it is not present any more
      }
      if ((info.flags.longValue() & CKF_TOKEN_INITIALIZED) != 0) {
        tokens.add(
            new PresentToken(
                slot,
                Pkcs11Module.text(info.serialNumber),
                Pkcs11Module.text(info.label),
                description));
      }
    }
    return tokens;
  }

  /**
   * Waits for a token that {@code wanted} accepts, such as one whose {@link
   * PresentToken#identity()} is not known yet; a token already present counts. Looks at the slots
   * every {@link #POLL_INTERVAL} at most.
   *
   * @return the first such token in slot order, or empty if none came within {@code timeout}
   * @throws TokenException if the module fails to list its slots, or the wait was interrupted
   */
  public Optional<PresentToken> await(Predicate<PresentToken> wanted, Duration timeout)
      throws TokenException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (PresentToken token : present()) {
        if (wanted.test(token)) {
          return Optional.of(token);
        }
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return Optional.empty();
      }
      try {
        Thread.sleep(Math.max(1, Math.min(POLL_INTERVAL.toMillis(), remaining / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenException("interrupted while waiting for a token in " + module.path(), e);
      }
    }
  }

  /**
   * A token present in a slot.
   *
   * @param slotId the slot it is in now
   * @param serial its serial number (CK_TOKEN_INFO serialNumber, trimmed)
   * @param label its label (CK_TOKEN_INFO label, trimmed)
   * @param slotDescription the slot's description (CK_SLOT_INFO, trimmed): the reader's name for
   *     modules over PC/SC readers
   */
  public record PresentToken(long slotId, String serial, String label, String slotDescription) {

    /** What tells this token from the others of its module, whatever slot it is in. */
    public String identity() {
      return serial + "/" + label;
    }

    /** Its slot, to open it. */
    public Pkcs11Slot slot() {
      return Pkcs11Slot.withId(slotId);
    }

    @Override
    public String toString() {
      return "token '" + label + "' (serial " + serial + ", slot " + slotId + ")";
    }
  }
}
