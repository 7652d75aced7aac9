package fr.aed.station.token.pkcs11;

import java.util.Arrays;

/**
 * The security officer's credential of a PKCS#11 token, for modules that generate keys and write
 * objects only after an SO login. For ykcs11 (a PIV card through PKCS#11) it is the card's PIV
 * management key written as 48 hex digits; the simulated card's is the default 3DES key {@code
 * 010203040506070801020304050607080102030405060708}.
 *
 * <p>Registration-authority staff or the certificate authority hold it, never the holder: the
 * station takes it from an environment variable that they set (its name on the command line, never
 * its value), and keeps it only while the token is open. {@link #close()} wipes it.
 */
public final class SecurityOfficerPin implements AutoCloseable {

  private final byte[] value;

  private SecurityOfficerPin(byte[] value) {
    this.value = value;
  }

  /**
   * Copies {@code pin}; the caller wipes its own array.
   *
   * @throws IllegalArgumentException if {@code pin} is empty
   */
  public static SecurityOfficerPin of(char[] pin) {
    if (pin.length == 0) {
      throw new IllegalArgumentException("the security officer's PIN is empty");
    }
    return new SecurityOfficerPin(Pkcs11Provisioning.utf8(pin));
  }

  /**
   * Reads the PIN from the environment variable {@code name}.
   *
   * @throws IllegalArgumentException naming the variable (never its value) when it is unset or
   *     empty
   */
  public static SecurityOfficerPin fromEnvironment(String name) {
    String pin = System.getenv(name);
    if (pin == null || pin.isEmpty()) {
      throw new IllegalArgumentException(
          "the environment variable " + name + " holding the security officer's PIN is not set");
    }
    char[] chars = pin.toCharArray();
    try {
      return of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** A copy of the PIN as the module receives it (UTF-8); the caller wipes it. */
  byte[] bytes() {
    return value.clone();
  }

  /** Wipes the PIN. */
  @Override
  public void close() {
    Arrays.fill(value, (byte) 0);
  }

  /** Never shows the PIN. */
  @Override
  public String toString() {
    return "SecurityOfficerPin[hidden]";
  }
}
