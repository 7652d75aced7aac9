package fr.aed.station.token.piv;

import fr.aed.station.token.apdu.Tlv;
import java.security.SecureRandom;

/**
 * The Card Holder Unique Identifier and Card Capability Container a card must carry for the desktop
 * stacks (Windows' minidriver, macOS, OpenSC) to take it for a PIV card: YubiKeys ship without
 * them. A pure codec (SP 800-73-4 part 1, 3.1.1 and 3.1.2).
 */
public final class CardObjects {

  /** The CHUID object. */
  public static final int OBJECT_CHUID = 0x5FC102;

  /** The CCC object. */
  public static final int OBJECT_CCC = 0x5FC107;

  private static final int FASC_N_LENGTH = 25;
  private static final int GUID_LENGTH = 16;
  // CHUID expiry as YYYYMMDD: the card's objects outlive any certificate the station asks for.
  private static final byte[] EXPIRY = {'2', '0', '4', '0', '1', '2', '3', '1'};
  private static final byte[] CARD_IDENTIFIER_PREFIX = {
    (byte) 0xA0, 0x00, 0x00, 0x01, 0x16, (byte) 0xFF, 0x02
  };

  private CardObjects() {}

  /**
   * A CHUID with a blank FASC-N (the card has no federal issuer), a random GUID (the card's
   * identity for the desktop stacks), an expiry and an empty issuer signature.
   */
  public static byte[] chuid(SecureRandom random) {
    byte[] guid = new byte[GUID_LENGTH];
    random.nextBytes(guid);
    return Tlv.concat(
        Tlv.encode(0x30, new byte[FASC_N_LENGTH]),
        Tlv.encode(0x34, guid),
        Tlv.encode(0x35, EXPIRY),
        Tlv.encode(0x3E, new byte[0]),
        Tlv.encode(0xFE, new byte[0]));
  }

  /** A CCC with a random card identifier, versions 2.1 and data model 10, optional parts empty. */
  public static byte[] ccc(SecureRandom random) {
    byte[] identifier = new byte[21];
    System.arraycopy(CARD_IDENTIFIER_PREFIX, 0, identifier, 0, CARD_IDENTIFIER_PREFIX.length);
    byte[] tail = new byte[identifier.length - CARD_IDENTIFIER_PREFIX.length];
    random.nextBytes(tail);
    System.arraycopy(tail, 0, identifier, CARD_IDENTIFIER_PREFIX.length, tail.length);
    return Tlv.concat(
        Tlv.encode(0xF0, identifier),
        Tlv.encode(0xF1, new byte[] {0x21}),
        Tlv.encode(0xF2, new byte[] {0x21}),
        Tlv.encode(0xF3, new byte[0]),
        Tlv.encode(0xF4, new byte[] {0x00}),
        Tlv.encode(0xF5, new byte[] {0x10}),
        Tlv.encode(0xF6, new byte[0]),
        Tlv.encode(0xF7, new byte[0]),
        Tlv.encode(0xFA, new byte[0]),
        Tlv.encode(0xFB, new byte[0]),
        Tlv.encode(0xFC, new byte[0]),
        Tlv.encode(0xFD, new byte[0]),
        Tlv.encode(0xFE, new byte[0]));
  }
}
