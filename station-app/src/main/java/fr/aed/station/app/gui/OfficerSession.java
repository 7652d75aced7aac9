package fr.aed.station.app.gui;

import fr.aed.station.app.officer.OfficerCredential;
import java.util.Optional;

/**
 * The officer's card opened at sign-in, kept for the window's session: it signs the sheets and
 * opens the sealed identity documents of the meetings resumed. Closed when the window closes.
 */
public final class OfficerSession implements AutoCloseable {

  private volatile OfficerCredential credential;
  private volatile SignedInOfficer officer;

  /** The officer's open card, once signed in. */
  public Optional<OfficerCredential> credential() {
    return Optional.ofNullable(credential);
  }

  /** Who signed in, with which card; empty before the sign-in and after the sign-out. */
  public Optional<SignedInOfficer> officer() {
    return Optional.ofNullable(officer);
  }

  void signedIn(OfficerCredential opened) {
    signedIn(opened, null);
  }

  void signedIn(OfficerCredential opened, SignedInOfficer who) {
    close();
    credential = opened;
    officer = who;
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
    if (open != null) {
      open.close();
    }
  }
}
