package fr.aed.station.token.pcsc;

import java.util.Optional;

/**
 * What the station knows of a card from its ATR.
 *
 * @param name the model name, or {@code unknown card} when the catalogue does not list the ATR
 * @param atrHex the card's ATR, upper-case hex
 * @param pkcs11Module the PKCS#11 module to use with this model, when the catalogue names one
 * @param piv whether the model speaks PIV, according to the catalogue
 * @param known whether the catalogue lists the ATR
 */
public record CardModel(
    String name, String atrHex, Optional<String> pkcs11Module, boolean piv, boolean known) {

  /** The name to show: the model, or {@code unknown card (ATR ...)} with the raw ATR. */
  public String displayName() {
    return known ? name : name + " (ATR " + atrHex + ")";
  }
}
