package fr.aed.station.simulator;

import java.time.Duration;
import java.util.Map;

/**
 * Faults a tester asks the simulated card to show, so that the station's handling of a lost or
 * failing card can be tried without hardware.
 *
 * @param pullAfterApdus the card is pulled out instead of answering APDU number n + 1 (0: never)
 * @param pullDuringKeyGeneration the card is pulled out while it generates a key pair
 * @param pullDuringSigning the card is pulled out while it signs with a key of its slots (the
 *     signature of a request, say), before it answers
 * @param keyGenerationDelay added to each key generation
 * @param forcedStatus INS byte to status word: every such command is answered with it, unprocessed
 */
public record CardFaults(
    long pullAfterApdus,
    boolean pullDuringKeyGeneration,
    boolean pullDuringSigning,
    Duration keyGenerationDelay,
    Map<Integer, Integer> forcedStatus) {

  /** A faithful card. */
  public static final CardFaults NONE = new CardFaults(0, false, false, Duration.ZERO, Map.of());

  public CardFaults {
    if (pullAfterApdus < 0 || keyGenerationDelay.isNegative()) {
      throw new IllegalArgumentException("counts and delays are not negative");
    }
    forcedStatus = Map.copyOf(forcedStatus);
  }
}
