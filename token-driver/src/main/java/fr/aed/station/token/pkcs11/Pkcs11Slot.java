package fr.aed.station.token.pkcs11;

import fr.aed.station.token.TokenException;
import java.util.List;

/**
 * Which slot of a PKCS#11 module holds the holder's token: by its position among the slots with a
 * token, by slot id, or by token label. Slot ids of some modules (SoftHSM2) change whenever a token
 * is initialized, so the label is the steadiest choice.
 */
public sealed interface Pkcs11Slot {

  /** The slot at {@code index} among those holding a token (SunPKCS11's {@code slotListIndex}). */
  static Pkcs11Slot atIndex(int index) {
    return new AtIndex(index);
  }

  /** The slot with this id. */
  static Pkcs11Slot withId(long id) {
    return new WithId(id);
  }

  /** The slot whose token carries this label. */
  static Pkcs11Slot withTokenLabel(String label) {
    return new WithTokenLabel(label);
  }

  /**
   * The id of the slot in {@code module}.
   *
   * @throws TokenException if no slot, or no single slot, matches
   */
  long resolve(Pkcs11Module module) throws TokenException;

  /** By position among the slots holding a token. */
  record AtIndex(int index) implements Pkcs11Slot {
    @Override
    public long resolve(Pkcs11Module module) throws TokenException {
      List<Long> slots = module.slotsWithToken();
      if (index < 0 || index >= slots.size()) {
        throw new TokenException(
            "no token at slot index " + index + ": " + slots.size() + " slots hold a token");
      }
      return slots.get(index);
    }
  }

  /** By slot id. */
  record WithId(long id) implements Pkcs11Slot {
    @Override
    public long resolve(Pkcs11Module module) throws TokenException {
      if (!module.slotsWithToken().contains(id)) {
        throw new TokenException("no token in slot " + id + " of " + module.path());
      }
      return id;
    }
  }

  /** By token label. */
  record WithTokenLabel(String label) implements Pkcs11Slot {
    @Override
    public long resolve(Pkcs11Module module) throws TokenException {
      return module.slotOfLabel(label);
    }
  }
}
