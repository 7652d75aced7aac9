package fr.aed.station.token;

/** The token cannot generate or use this type of key. */
public class UnsupportedKeyTypeException extends TokenException {

  public UnsupportedKeyTypeException(KeyType type) {
    super("the token cannot generate " + type.id() + " keys");
  }

  /** The slot's key is of a type that cannot do what was asked, as {@code message} says. */
  public UnsupportedKeyTypeException(String message) {
    super(message);
  }
}
