package fr.aed.station.app.gui;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateAuthorityException;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.cmp.CmpException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.WrongPinException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The certificate's return on a closed meeting's page: where it stands, in plain words, and the
 * steps that fit: the request sent to the authority by CMP (or asked again while it issues later),
 * the certificate it sent in a file, the holder's acceptance on the holder's screen, then the
 * certificate written on the holder's card, the holder typing the PIN. The CMP shared secret and
 * the PIN come in as characters for one step and are wiped after it; nothing of them is kept.
 */
public final class CertificateViewModel {

  private final StationContext context;
  private final CertificateRunner runner;
  private final String id;
  private final Runnable recorded;
  private final HolderCardChoice card;
  private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper stageText = new ReadOnlyStringWrapper("");
  private final ObservableList<String> reasons = FXCollections.observableArrayList();
  private final ObservableList<String> content = FXCollections.observableArrayList();
  // The fingerprint of the certificate shown: the holder accepts that one, no other.
  private volatile Optional<String> shownSha256 = Optional.empty();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper byCmp = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper sharedSecret = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper secretToAccept = new ReadOnlyBooleanWrapper();
  private final BooleanBinding canSubmit;
  private final BooleanBinding canAskAgain;
  private final BooleanBinding canReceive;
  private final BooleanBinding canPresent;
  private final BooleanBinding canInstall;

  /**
   * @param context the station's shared services
   * @param interventionId the closed meeting
   * @param recorded told once a step ended (its events journaled, or nothing recorded)
   */
  CertificateViewModel(StationContext context, String interventionId, Runnable recorded) {
    this.context = context;
    this.runner = new CertificateRunner(context);
    this.id = interventionId;
    this.recorded = recorded;
    this.card = new HolderCardChoice(context);
    this.canSubmit = at(Stage.NONE, Stage.REFUSED_BY_CA, Stage.REJECTED).and(byCmp);
    this.canAskAgain = at(Stage.WAITING).and(byCmp);
    this.canReceive =
        at(Stage.NONE, Stage.WAITING, Stage.REFUSED_BY_CA, Stage.REJECTED, Stage.RECEIVED);
    this.canPresent = at(Stage.RECEIVED);
    this.canInstall = at(Stage.ACCEPTED);
  }

  /** Reads the authority's configuration and where the certificate stands, off the FX thread. */
  public void load() {
    context.background().execute(this::read);
  }

  private void read() {
    Optional<CertificateAuthority> authority;
    String problem;
    try {
      authority = Optional.of(runner.authority());
      problem = "";
    } catch (CertificateAuthorityException e) {
      authority = Optional.empty();
      problem = Texts.get("certificate.authority-broken", e.getMessage());
    }
    Optional<CertificateAuthority> configured = authority;
    String said = problem;
    try {
      CertificateProgress progress = runner.progress(id);
      context.ui().execute(() -> show(progress, configured, said));
    } catch (CertificateException | StoreException | RuntimeException e) {
      context.ui().execute(() -> message.set(Texts.get("certificate.unreadable", e.getMessage())));
    }
  }

  private void show(
      CertificateProgress progress, Optional<CertificateAuthority> authority, String problem) {
    Optional<CertificateAuthority.CmpSettings> cmp = authority.flatMap(CertificateAuthority::cmp);
    byCmp.set(cmp.isPresent());
    sharedSecret.set(
        cmp.map(s -> s.protection() == CertificateAuthority.Protection.SHARED_SECRET)
            .orElse(false));
    secretToAccept.set(sharedSecret.get() && CertificateRunner.confirmedByProtocol(progress));
    stage.set(progress.stage());
    stageText.set(CertificateWords.stage(progress.stage()));
    reasons.setAll(CertificateWords.reasons(progress));
    content.setAll(CertificateWords.content(progress));
    shownSha256 = progress.certificateSha256();
    card.watch(progress.stage() == Stage.ACCEPTED);
    if (!problem.isEmpty()) {
      message.set(problem);
    }
  }

  /** Sends the request to the authority by CMP; {@code secret} is wiped once sent. */
  public void submit(char[] secret) {
    run(
        canSubmit.get(),
        "certificate.asking",
        secret,
        () -> answered(runner.submit(id, secret).stage()));
  }

  /** Asks the authority again for the certificate it issues later; {@code secret} is wiped. */
  public void askAgain(char[] secret) {
    run(
        canAskAgain.get(),
        "certificate.asking",
        secret,
        () -> answered(runner.fetch(id, secret).stage()));
  }

  /** Takes the certificate the authority sent in a file the officer chooses. */
  public void receiveFile() {
    if (canReceive.get()) {
      context.dialogs().chooseCertificateFile().ifPresent(this::receive);
    }
  }

  private void receive(Path file) {
    run(
        canReceive.get(),
        "certificate.checking",
        null,
        () -> answered(runner.receive(id, file).accepted() ? Stage.RECEIVED : Stage.REJECTED));
  }

  private static String answered(Stage stage) {
    return Texts.get("certificate.answer." + stage.name());
  }

  /**
   * The holder accepted the certificate shown on the holder's screen: recorded, and told to the
   * authority where it came by CMP (with {@code secret}, wiped after).
   */
  public void holderAccepts(char[] secret) {
    run(
        canPresent.get(),
        "certificate.recording-acceptance",
        secret,
        () -> acceptance(runner.accept(id, secret, shownSha256)));
  }

  private static String acceptance(String informed) {
    return informed.startsWith("NOT_TAKEN")
        ? Texts.get(
            "certificate.confirmation-not-taken", informed.substring("NOT_TAKEN".length()).strip())
        : Texts.get("certificate.holder-accepted");
  }

  /** The holder refused the certificate shown: the refusal is journaled, nothing written. */
  public void holderRefuses() {
    run(
        canPresent.get(),
        "certificate.recording-acceptance",
        null,
        () -> {
          runner.decline(id);
          return Texts.get("certificate.holder-refused");
        });
  }

  /** Whether the holder's card is chosen: a reader, or the simulated card's file. */
  public boolean cardChosen() {
    return card.connector().isPresent();
  }

  /**
   * Writes the accepted certificate on the holder's card with the PIN the holder typed on the
   * holder's screen (wiped after); the officer's card seals the journal.
   */
  public void install(char[] pin) {
    Optional<TokenConnector> chosen = card.connector();
    if (chosen.isEmpty()) {
      message.set(Texts.get("certificate.choose-card"));
      wipe(pin);
      return;
    }
    run(
        canInstall.get(),
        "certificate.installing",
        pin,
        () ->
            Texts.get(
                "certificate.installed",
                runner.install(id, chosen.get(), pin::clone).card().serial()));
  }

  @FunctionalInterface
  private interface Step {
    String run() throws CertificateRunner.Failure;
  }

  // One step off the FX thread, its secret (the CMP secret or the PIN) wiped once it ended.
  private void run(boolean allowed, String running, char[] secret, Step step) {
    if (!allowed) {
      wipe(secret);
      return;
    }
    busy.set(true);
    message.set(Texts.get(running));
    context
        .background()
        .execute(
            () -> {
              try {
                ended(step.run());
              } catch (CertificateRunner.Failure e) {
                ended(failed(e));
              } catch (RuntimeException e) {
                // whatever broke, the page is released and says it in one line
                ended(Texts.get("certificate.unreadable", String.valueOf(e.getMessage())));
              } finally {
                wipe(secret);
              }
            });
  }

  // On the background thread: the stage read again from the journal, then the outcome said.
  private void ended(String said) {
    read();
    context
        .ui()
        .execute(
            () -> {
              message.set(said);
              busy.set(false);
            });
    recorded.run();
  }

  // The failures the officer meets most, in the window's words; the others as the station says.
  private static String failed(CertificateRunner.Failure e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WrongPinException wrong) {
        return Texts.get(
            "certificate.failed", Texts.get("certificate.wrong-pin", wrong.triesLeft()));
      }
      if (cause instanceof PinBlockedException) {
        return Texts.get("certificate.failed", Texts.get("certificate.pin-blocked"));
      }
      if (cause instanceof CmpException unanswered) {
        return Texts.get(
            "certificate.failed",
            Texts.get("certificate.authority-failed", unanswered.getMessage()));
      }
    }
    return Texts.get("certificate.failed", e.getMessage());
  }

  private static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }

  /** Stops watching the readers, as the page closes. */
  public void stopWatching() {
    card.watch(false);
  }

  /** The holder's card the certificate is written on. */
  public HolderCardChoice card() {
    return card;
  }

  public ReadOnlyObjectProperty<Stage> stageProperty() {
    return stage.getReadOnlyProperty();
  }

  /** Where the certificate stands, in plain words. */
  public ReadOnlyStringProperty stageTextProperty() {
    return stageText.getReadOnlyProperty();
  }

  /** Why it was refused, what the authority said, or where it was installed; one line each. */
  public ObservableList<String> reasons() {
    return reasons;
  }

  /** The certificate as the holder reads it before accepting; empty before one is received. */
  public ObservableList<String> content() {
    return content;
  }

  /** The last step's outcome or failure, one line. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Whether the authority takes requests by CMP (its configuration gives a server). */
  public ReadOnlyBooleanProperty byCmpProperty() {
    return byCmp.getReadOnlyProperty();
  }

  /** Whether the authority's messages are protected by the secret it gave the officer. */
  public ReadOnlyBooleanProperty sharedSecretProperty() {
    return sharedSecret.getReadOnlyProperty();
  }

  /** Whether the holder's acceptance is told to the authority with the shared secret. */
  public ReadOnlyBooleanProperty secretToAcceptProperty() {
    return secretToAccept.getReadOnlyProperty();
  }

  /** The request can be sent: nothing asked yet, or refused before. */
  public BooleanBinding canSubmit() {
    return canSubmit;
  }

  /** The authority said it issues later: it can be asked again. */
  public BooleanBinding canAskAgain() {
    return canAskAgain;
  }

  /** A certificate can come in a file: none accepted yet. */
  public BooleanBinding canReceive() {
    return canReceive;
  }

  /** A checked certificate waits for the holder's acceptance. */
  public BooleanBinding canPresent() {
    return canPresent;
  }

  /** The accepted certificate waits to be written on the holder's card. */
  public BooleanBinding canInstall() {
    return canInstall;
  }

  private BooleanBinding at(Stage... stages) {
    return Bindings.createBooleanBinding(
            () -> stage.get() != null && Arrays.asList(stages).contains(stage.get()), stage)
        .and(busy.not());
  }
}
