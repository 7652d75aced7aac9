package fr.aed.station.simulator.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * The real card a {@link PivApplet} behaves as, chosen at install and fixed for the card's life.
 * Each profile is as strict as the card it stands for, so that a client that only works on a
 * lenient card fails against the simulator too.
 *
 * <ul>
 *   <li>{@link #YUBIKEY_5_4}: YubiKey firmware 5.4.3: Yubico's vendor commands (GET METADATA,
 *       serial, attestation, version, set management key), 3DES default management key, RSA-2048
 *       and EC P-256/P-384 key generation; ships without CHUID and CCC.
 *   <li>{@link #YUBIKEY_5_7}: YubiKey firmware 5.7.1: as 5.4, with an AES-192 default management
 *       key and RSA-3072 key generation.
 *   <li>{@link #PIV}: a NIST SP 800-73-4 card with no vendor extension (6D00 to Yubico's commands),
 *       3DES default management key, RSA-2048 and EC P-256/P-384; ships with CHUID and CCC.
 * </ul>
 *
 * <p>Java Card language subset: the applet calls it from {@code install} and {@code process}.
 */
public final class Profile {

  /** YubiKey firmware 5.4.3. */
  public static final byte YUBIKEY_5_4 = 1;

  /** YubiKey firmware 5.7.1, the default. */
  public static final byte YUBIKEY_5_7 = 2;

  /** A plain NIST SP 800-73-4 card. */
  public static final byte PIV = 3;

  /** The profile of a card installed without install parameters. */
  public static final byte DEFAULT = YUBIKEY_5_7;

  private static final byte[] VERSION_5_4 = {5, 4, 3};
  private static final byte[] VERSION_5_7 = {5, 7, 1};

  private Profile() {}

  /**
   * The profile named by the install parameters, in the GlobalPlatform layout every Java Card
   * installer passes (length and AID, length and control information, length and application data):
   * the application data's first byte is the profile. {@link #DEFAULT} when there are no parameters
   * or no application data; 6A80 for an unknown profile or malformed parameters.
   */
  static byte fromInstallParameters(byte[] parameters, short offset, byte length) {
    if (length == 0) {
      return DEFAULT;
    }
    short end = (short) (offset + (length & 0xFF));
    short off = offset;
    // Skips the instance AID, then the control information.
    off = (short) (off + 1 + (parameters[off] & 0xFF));
    if (off >= end) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    off = (short) (off + 1 + (parameters[off] & 0xFF));
    if (off >= end) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short dataLength = (short) (parameters[off] & 0xFF);
    off++;
    if ((short) (off + dataLength) > end) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (dataLength == 0) {
      return DEFAULT;
    }
    byte profile = parameters[off];
    if (profile != YUBIKEY_5_4 && profile != YUBIKEY_5_7 && profile != PIV) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    return profile;
  }

  /** Whether the card answers Yubico's PIV extensions (F7 F8 F9 FD FF, tags AA AB, 5FFFxx). */
  static boolean hasYubicoExtensions(byte profile) {
    return profile != PIV;
  }

  /** Whether GENERATE ASYMMETRIC KEY PAIR accepts {@code algorithm} on this profile. */
  static boolean generates(byte profile, byte algorithm) {
    switch (algorithm) {
      case PivApplet.ALG_RSA_2048:
      case PivApplet.ALG_EC_P256:
      case PivApplet.ALG_EC_P384:
        return true;
      case PivApplet.ALG_RSA_3072:
        // RSA-3072 came with YubiKey firmware 5.7.
        return profile == YUBIKEY_5_7;
      default:
        return false;
    }
  }

  /** The algorithm of the factory management key (its 24 bytes are the same on every profile). */
  static byte defaultManagementAlgorithm(byte profile) {
    // YubiKey 5.7 ships its default key as AES-192, older ones and PIV cards as 3DES.
    return profile == YUBIKEY_5_7 ? ManagementKey.ALG_AES_192 : ManagementKey.ALG_3DES;
  }

  /** Whether the card leaves the factory with CHUID and CCC: YubiKeys do not. */
  static boolean shipsChuidAndCcc(byte profile) {
    return profile == PIV;
  }

  /** The answer to GET VERSION on a YubiKey profile. */
  static byte[] version(byte profile) {
    return profile == YUBIKEY_5_4 ? VERSION_5_4 : VERSION_5_7;
  }
}
