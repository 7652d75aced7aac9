package fr.aed.station.token;

/** The token cannot generate or use this type of key. */
public class UnsupportedKeyTypeException extends TokenException {

  public UnsupportedKeyTypeException(KeyType type) {
    super("the token cannot generate " + type.id() + " keys");
  }
}
