package fr.aed.station.crypto.csr;

import java.util.List;

/** A certificate request failed its check; {@link #problems()} lists every reason. */
public class InvalidRequestException extends Exception {

  private final List<String> problems;

  public InvalidRequestException(List<String> problems) {
    super("invalid certificate request: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
