package fr.aed.station.app.text;

import java.util.Locale;

/**
 * A text that comes written in the station's languages from elsewhere than the bundles (the
 * document catalogue the certificate authority writes): a message argument shown in the reader's
 * language.
 */
public interface LocalizedText {

  /** The text in {@code language}'s words. */
  String in(Locale language);
}
