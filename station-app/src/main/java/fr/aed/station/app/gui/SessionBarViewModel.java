package fr.aed.station.app.gui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The bar above the home screen and a closed meeting once the officer is in: who is signed in and
 * with which card, the testers' mode said as such, and the lock and the sign-out. Signing out is
 * offered from the home screen only.
 */
public final class SessionBarViewModel {

  /** What the window does when the officer locks it or signs out. */
  public interface SessionActions {
    /** Hides the window behind the lock screen. */
    void lock();

    /** Ends the officer's session and goes back to the sign-in. */
    void signOut();

    /** For a window without a session (tests of one screen): nothing happens. */
    SessionActions NONE =
        new SessionActions() {
          @Override
          public void lock() {}

          @Override
          public void signOut() {}
        };
  }

  private final StationContext context;
  private final SessionActions actions;
  private final BooleanProperty atHome = new SimpleBooleanProperty(true);

  SessionBarViewModel(StationContext context, SessionActions actions) {
    this.context = context;
    this.actions = actions;
  }

  /** Whether the band that says the testers' mode proves nothing is shown. */
  public boolean demonstrationBand() {
    return context.testersMode();
  }

  /** Who is signed in; a dash when nobody is (a window without a session). */
  public String officer() {
    return context
        .officer()
        .officer()
        .map(o -> Texts.get("session.officer", o.name()))
        .orElse(Texts.get("session.nobody"));
  }

  /** With which card; empty when nobody is signed in. */
  public String card() {
    return context.officer().officer().map(SignedInOfficer::card).orElse("");
  }

  /** Whether the home screen is shown (signing out is offered there only). */
  public BooleanProperty atHomeProperty() {
    return atHome;
  }

  public void lock() {
    actions.lock();
  }

  /** Signs out, from the home screen only. */
  public void signOut() {
    if (atHome.get()) {
      actions.signOut();
    }
  }
}
