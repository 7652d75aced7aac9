package fr.aed.station.app.gui;

import fr.aed.station.app.officer.OfficerCredential;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * The window's content through the officer's session: the sign-in, then the station's screens; the
 * lock hides them behind a screen that asks the officer's PIN again; the sign-out closes the
 * officer's card and returns to the sign-in.
 */
final class WindowSession implements SessionBarViewModel.SessionActions {

  private final StackPane frame = new StackPane();
  private final OfficerSession officer;
  private final Function<Boolean, StationContext> contexts;
  private StationShell shell;
  private OfficerSignInViewModel signIn;

  /**
   * @param officer the officer's session, shared by the contexts
   * @param contexts the station's services, in testers' mode (true) or not
   */
  WindowSession(OfficerSession officer, Function<Boolean, StationContext> contexts) {
    this.officer = officer;
    this.contexts = contexts;
  }

  /** The window's root, whatever screen it shows. */
  Parent root() {
    return frame;
  }

  /** Shows the sign-in, where the demonstration card goes in at once. */
  void start() {
    showSignIn(false);
  }

  private void showSignIn(boolean afterSignOut) {
    signIn = new OfficerSignInViewModel(contexts.apply(false), this::signedIn);
    if (afterSignOut) {
      signIn.loadAfterSignOut();
    } else {
      signIn.load();
    }
    // load() may have signed in already (the demonstration card): the shell is then shown.
    if (shell == null) {
      frame.getChildren().setAll(new OfficerSignInView(signIn).root());
    }
  }

  private void signedIn(OfficerCredential credential) {
    OfficerSignInViewModel model = signIn;
    officer.signedIn(
        credential,
        new SignedInOfficer(
            model.nameProperty().get(),
            credential.demonstration(),
            model.readerNameProperty().get(),
            credential.certificate().getSerialNumber().toString(16).toUpperCase()));
    // The testers' mode (simulated holder cards) goes with the demonstration officer card, never
    // with a real officer's card.
    shell = new StationShell(contexts.apply(credential.demonstration()), this);
    frame.getChildren().setAll(shell.root());
  }

  // The screens leave the window while it is locked, as they are (a meeting's wizard goes on where
  // it was): hidden only, their buttons' keyboard shortcuts would still work.
  @Override
  public void lock() {
    if (shell == null || !frame.getChildren().contains(shell.root())) {
      return;
    }
    LockScreenViewModel model = new LockScreenViewModel(contexts.apply(false), this::unlock);
    frame.getChildren().setAll(LockScreen.build(model));
  }

  private void unlock() {
    if (shell != null) {
      frame.getChildren().setAll(shell.root());
    }
  }

  @Override
  public void signOut() {
    shell = null;
    officer.close();
    showSignIn(true);
  }
}
