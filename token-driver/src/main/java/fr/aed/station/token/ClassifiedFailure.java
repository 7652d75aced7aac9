package fr.aed.station.token;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A token failure as a kind and its arguments, as {@link TokenFailure} lists them for each kind;
 * the application turns it into words.
 *
 * @param kind the kind of failure
 * @param arguments the kind's arguments, in order
 */
public record ClassifiedFailure(TokenFailure kind, List<String> arguments) {

  public ClassifiedFailure {
    Objects.requireNonNull(kind, "kind");
    arguments = List.copyOf(arguments);
  }

  /** A failure of {@code kind} with {@code arguments}, each taken as its string value. */
  public static ClassifiedFailure of(TokenFailure kind, Object... arguments) {
    return new ClassifiedFailure(kind, Arrays.stream(arguments).map(String::valueOf).toList());
  }
}
