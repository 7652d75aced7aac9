package fr.aed.station.app.gui;

import fr.aed.station.app.officer.OfficerCredential;
import java.util.Optional;

/**
 * The officer's card opened at sign-in, kept for the window's session: it signs the sheets and
 * opens the sealed identity documents of the meetings resumed. Closed when the window closes.
 */
public final class OfficerSession implements AutoCloseable {

  private volatile OfficerCredential credential;

  /** The officer's open card, once signed in. */
  public Optional<OfficerCredential> credential() {
    return Optional.ofNullable(credential);
  }

  void signedIn(OfficerCredential opened) {
    close();
    credential = opened;
  }

  @Override
  public void close() {
    OfficerCredential open = credential;
    credential = null;
    if (open != null) {
      open.close();
    }
  }
}
