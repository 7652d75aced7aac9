package fr.aed.station.app.gui;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.token.TokenException;
import java.util.Optional;

/**
 * The officer's card opened at sign-in, kept for the window's session: it signs the sheets and
 * opens the sealed identity documents of the meetings resumed. Closed when the window closes.
 */
public final class OfficerSession implements AutoCloseable {

  private volatile OfficerCredential credential;
  private volatile String readerName;

  /** The officer's open card, once signed in. */
  public Optional<OfficerCredential> credential() {
    return Optional.ofNullable(credential);
  }

  /** The reader that holds the officer's card: never offered as the holder's. */
  public Optional<String> readerName() {
    return Optional.ofNullable(readerName);
  }

  void signedIn(OfficerCredential opened) {
    close();
    credential = opened;
    readerName = readerOf(opened);
  }

  private static String readerOf(OfficerCredential opened) {
    try {
      String reader = opened.token().describe().reader();
      return reader == null || reader.isBlank() ? null : reader;
    } catch (TokenException e) {
      return null;
    }
  }

  @Override
  public void close() {
    OfficerCredential open = credential;
    credential = null;
    readerName = null;
    if (open != null) {
      open.close();
    }
  }
}
