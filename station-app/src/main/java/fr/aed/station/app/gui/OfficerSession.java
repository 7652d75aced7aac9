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
  private volatile SignedInOfficer officer;
  private volatile String readerName;

  /** The officer's open card, once signed in. */
  public Optional<OfficerCredential> credential() {
    return Optional.ofNullable(credential);
  }

  /** Who signed in, with which card; empty before the sign-in and after the sign-out. */
  public Optional<SignedInOfficer> officer() {
    return Optional.ofNullable(officer);
  }

  /** The reader that holds the officer's card: never offered as the holder's. */
  public Optional<String> readerName() {
    return Optional.ofNullable(readerName);
  }

  private static String readerOf(OfficerCredential opened) {
    try {
      String reader = opened.token().describe().reader();
      return reader == null || reader.isBlank() ? null : reader;
    } catch (TokenException e) {
      return null;
    }
  }

  void signedIn(OfficerCredential opened) {
    signedIn(opened, null);
  }

  void signedIn(OfficerCredential opened, SignedInOfficer who) {
    close();
    credential = opened;
    officer = who;
    readerName = readerOf(opened);
  }

  /**
   * Ends the session: the card's session is closed, so the card forgets the PIN it was unlocked
   * with; nothing of it stays in the station.
   */
  @Override
  public void close() {
    OfficerCredential open = credential;
    credential = null;
    officer = null;
    readerName = null;
    if (open != null) {
      open.close();
    }
  }
}
