package fr.aed.station.app.gui;

import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.token.TokenException;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The locked window: the officer's card, still open for the session, checks the officer's PIN again
 * before the window shows anything. The demonstration card has no PIN for anyone to type.
 */
public final class LockScreenViewModel {

  private final StationContext context;
  private final Runnable onUnlocked;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  LockScreenViewModel(StationContext context, Runnable onUnlocked) {
    this.context = context;
    this.onUnlocked = onUnlocked;
  }

  /** Whose window is locked. */
  public String officer() {
    return context
        .officer()
        .officer()
        .map(o -> Texts.get("lock.officer", o.name()))
        .orElse(Texts.get("session.nobody"));
  }

  /** Whether the card asks for a PIN (every card but the demonstration one). */
  public boolean asksPin() {
    return context.officer().credential().map(c -> !c.demonstration()).orElse(false);
  }

  /**
   * Has the card check {@code pin} off the FX thread (after any card work under way), then shows
   * the window again; the PIN is wiped once checked.
   */
  public void unlock(char[] pin) {
    Optional<OfficerCredential> credential = context.officer().credential();
    if (credential.isEmpty() || !asksPin()) {
      Arrays.fill(pin, '\0');
      onUnlocked.run();
      return;
    }
    busy.set(true);
    message.set(Texts.get("signin.unlocking"));
    context.background().execute(() -> check(credential.get(), pin));
  }

  private void check(OfficerCredential credential, char[] pin) {
    try {
      credential.token().verifyPin(pin);
      context.ui().execute(this::unlocked);
    } catch (TokenException e) {
      String reason = Texts.get("signin.card-error", TokenFailureTexts.message(e, Texts.locale()));
      context.ui().execute(() -> failed(reason));
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private void unlocked() {
    busy.set(false);
    message.set("");
    onUnlocked.run();
  }

  private void failed(String reason) {
    busy.set(false);
    message.set(reason);
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
