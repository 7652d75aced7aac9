package fr.aed.station.simulator;

import fr.aed.station.simulator.applet.PivApplet;
import fr.aed.station.simulator.applet.Profile;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The real card a simulated card is as strict as, chosen when the card is made and kept with it.
 * Every profile enforces the PIN policy of each key (9A once, 9C always, 9D once, 9E never unless
 * set otherwise at generation) and answers like the card it stands for, so that a client that only
 * works on a lenient card fails against the simulator too.
 */
public enum CardProfile {

  /**
   * A YubiKey 5 with firmware 5.4.3: Yubico's commands (GET METADATA, serial, attestation, version,
   * set management key), 3DES factory management key, RSA-2048 and EC P-256/P-384 generation (not
   * RSA-3072), PIN and touch policies at generation; no CHUID nor CCC until a client writes them.
   */
  YUBIKEY_5_4("yubikey-5.4", Profile.YUBIKEY_5_4),

  /**
   * A YubiKey 5 with firmware 5.7.1: as {@link #YUBIKEY_5_4} with an AES-192 factory management key
   * (the same 24 bytes; 3DES authentication is refused with 6A80) and RSA-3072 generation.
   */
  YUBIKEY_5_7("yubikey-5.7", Profile.YUBIKEY_5_7),

  /**
   * A NIST SP 800-73-4 card with no vendor extension: 6D00 to Yubico's commands, 3DES factory
   * management key, RSA-2048 and EC P-256/P-384 generation without policy tags, CHUID and CCC from
   * the factory, no attestation.
   */
  PIV("piv", Profile.PIV);

  /** The profile of a new card when none is named: {@link #YUBIKEY_5_7}. */
  public static final CardProfile DEFAULT = YUBIKEY_5_7;

  private final String id;
  private final byte code;

  CardProfile(String id, byte code) {
    this.id = id;
    this.code = code;
  }

  /** The profile's name, as {@code station simulator --profile} and state files write it. */
  public String id() {
    return id;
  }

  /**
   * The profile named {@code id} ({@code yubikey-5.4}, {@code yubikey-5.7} or {@code piv}, in any
   * case).
   *
   * @throws IllegalArgumentException naming the known profiles when {@code id} is none of them
   */
  public static CardProfile fromId(String id) {
    for (CardProfile profile : values()) {
      if (profile.id.equals(id.toLowerCase(Locale.ROOT))) {
        return profile;
      }
    }
    throw new IllegalArgumentException("unknown card profile '" + id + "': choose one of " + ids());
  }

  /** The names of every profile, separated by commas. */
  public static String ids() {
    return Arrays.stream(values()).map(CardProfile::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }

  static CardProfile fromCode(byte code) {
    for (CardProfile profile : values()) {
      if (profile.code == code) {
        return profile;
      }
    }
    throw new IllegalArgumentException("no card profile has the code " + code);
  }

  // The GlobalPlatform install parameters: instance AID, no control information, and the profile
  // as the application data, which PivApplet.install reads.
  byte[] installParameters() {
    byte[] aid = PivApplet.AID;
    byte[] parameters = new byte[aid.length + 4];
    parameters[0] = (byte) aid.length;
    System.arraycopy(aid, 0, parameters, 1, aid.length);
    parameters[aid.length + 1] = 0;
    parameters[aid.length + 2] = 1;
    parameters[aid.length + 3] = code;
    return parameters;
  }
}
