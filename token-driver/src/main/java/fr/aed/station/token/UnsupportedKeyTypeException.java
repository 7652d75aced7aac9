package fr.aed.station.token;

import java.util.Optional;
import java.util.Set;

/** The token cannot generate or use this type of key. */
public class UnsupportedKeyTypeException extends TokenException {

  private final transient Optional<KeyType> requested;
  private final transient Optional<Set<KeyType>> supported;

  public UnsupportedKeyTypeException(KeyType type) {
    super("the token cannot generate " + type.id() + " keys");
    this.requested = Optional.of(type);
    this.supported = Optional.empty();
  }

  /** The token cannot generate {@code type}; it generates {@code supported}. */
  public UnsupportedKeyTypeException(KeyType type, String token, Set<KeyType> supported) {
    super(
        token
            + " cannot generate "
            + type.id()
            + " keys; it generates "
            + (supported.isEmpty()
                ? "none through this backend"
                : supported.stream().map(KeyType::id).sorted().toList()));
    this.requested = Optional.of(type);
    this.supported = Optional.of(Set.copyOf(supported));
  }

  /** The slot's key is of a type that cannot do what was asked, as {@code message} says. */
  public UnsupportedKeyTypeException(String message) {
    super(message);
    this.requested = Optional.empty();
    this.supported = Optional.empty();
  }

  /** The type of key asked for, when a type was asked for. */
  public Optional<KeyType> requested() {
    return requested;
  }

  /** The types the token generates, when it told them (empty set: none through this backend). */
  public Optional<Set<KeyType>> supported() {
    return supported;
  }
}
