package fr.aed.station.token.piv;

import fr.aed.station.token.KeyType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The firmware version a card answers to YubiKey's GET VERSION ({@code FD}), which tells the
 * algorithms and commands it has.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch level
 */
public record CardVersion(int major, int minor, int patch) {

  /** Whether this version is {@code major.minor} or later. */
  public boolean atLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  /** The key types a card of this version generates: RSA-3072 from 5.7 only. */
  public Set<KeyType> keyTypes() {
    Set<KeyType> types = EnumSet.of(KeyType.RSA2048, KeyType.P256, KeyType.P384);
    if (atLeast(5, 7)) {
      types.add(KeyType.RSA3072);
    }
    return types;
  }

  /** The key types of a PIV card without vendor commands (SP 800-78-4 has no RSA-3072). */
  public static Set<KeyType> standardKeyTypes() {
    return EnumSet.of(KeyType.RSA2048, KeyType.P256, KeyType.P384);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
