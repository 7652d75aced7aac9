package fr.aed.station.app.rules;

import fr.aed.station.app.dossier.DossierText;
import java.util.Arrays;

/**
 * Whether a text is a reason an officer wrote: a sentence of at least {@link
 * DossierText#MINIMUM_REASON_LENGTH} characters and three words, not dots, a tick or a copy of one
 * word.
 */
final class WrittenReason {

  private static final int MINIMUM_WORDS = 3;

  private WrittenReason() {}

  /** Whether {@code text} is a written reason. */
  static boolean given(String text) {
    String stripped = text.strip();
    long words =
        Arrays.stream(stripped.split("[\\s\\p{Punct}’«»]+"))
            .filter(word -> word.codePoints().filter(Character::isLetter).count() >= 2)
            .distinct()
            .count();
    return stripped.length() >= DossierText.MINIMUM_REASON_LENGTH && words >= MINIMUM_WORDS;
  }
}
