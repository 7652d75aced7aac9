package fr.aed.station.token;

/**
 * A failure that states its own kind and arguments where it is thrown: {@link TokenFailures} takes
 * them before any other rule (the PC/SC transport's failures, for one, which this package does not
 * know).
 */
public interface SelfClassifiedFailure {

  /** The failure's kind and arguments. */
  ClassifiedFailure classified();
}
