package fr.aed.station.token;

/** The token cannot generate or use this type of key. */
public class UnsupportedKeyTypeException extends TokenException {

  public UnsupportedKeyTypeException(KeyType type) {
    super("the token cannot generate " + type.id() + " keys");
  }

  /** The token cannot generate {@code type}; it generates {@code supported}. */
  public UnsupportedKeyTypeException(KeyType type, String token, java.util.Set<KeyType> supported) {
    super(
        token
            + " cannot generate "
            + type.id()
            + " keys; it generates "
            + (supported.isEmpty()
                ? "none through this backend"
                : supported.stream().map(KeyType::id).sorted().toList()));
  }

  /** The slot's key is of a type that cannot do what was asked, as {@code message} says. */
  public UnsupportedKeyTypeException(String message) {
    super(message);
  }
}
