package fr.aed.station.app.gui;

import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerMismatchException;
import fr.aed.station.app.officer.OfficerSignIn;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.OfficerTraining;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.TokenException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The officer's sign-in: at first run, their profile and their card (a card in a reader, or the
 * demonstration card in testers' mode); at later runs, their card unlocked with their PIN. The open
 * credential is handed over for the session; it signs sheets and opens sealed identities.
 */
public final class OfficerSignInViewModel {

  private final StationContext context;
  private final OfficerSignIn signIn;
  private final Consumer<OfficerCredential> onSignedIn;
  private OfficerProfile recorded;

  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty office = new SimpleStringProperty("");
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty aedIdentifier = new SimpleStringProperty("");
  private final StringProperty trainedOn = new SimpleStringProperty("");
  private final StringProperty trainingNotice = new SimpleStringProperty("");
  private final StringProperty accreditation = new SimpleStringProperty("");
  private final BooleanProperty demonstrationCard = new SimpleBooleanProperty(false);
  private final StringProperty readerName = new SimpleStringProperty("");
  private final BooleanProperty firstRun = new SimpleBooleanProperty(true);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");

  /**
   * @param context the station's shared services
   * @param onSignedIn receives the officer's open credential, on the UI executor
   */
  public OfficerSignInViewModel(StationContext context, Consumer<OfficerCredential> onSignedIn) {
    this.context = context;
    this.signIn = new OfficerSignIn(context.databaseFile(), context.clock());
    this.onSignedIn = onSignedIn;
  }

  /**
   * Reads whether an officer was recorded: first run when none; the demonstration card is opened at
   * once.
   */
  public void load() {
    load(true);
  }

  /**
   * As {@link #load()}, after the officer signed out: the demonstration card waits for its button
   * too, so that signing out shows the sign-in screen rather than signing in again at once.
   */
  public void loadAfterSignOut() {
    load(false);
  }

  private void load(boolean demonstrationGoesIn) {
    try {
      Optional<OfficerProfile> found = signIn.recorded();
      recorded = found.orElse(null);
      firstRun.set(found.isEmpty());
      found.ifPresent(this::show);
      // The demonstration card has no PIN for anyone to type: testers go straight in.
      if (demonstrationGoesIn
          && found.isPresent()
          && found.get().credential().equals(OfficerSignIn.DEMO)) {
        signIn(new char[0]);
      }
    } catch (StoreException e) {
      message.set(Texts.get("signin.database-error", e.getMessage()));
    }
  }

  private void show(OfficerProfile profile) {
    name.set(profile.officer().name());
    office.set(profile.officer().office());
    address.set(profile.officer().address());
    aedIdentifier.set(profile.officer().aedIdentifier());
    trainedOn.set(TypedDossier.DAY.format(profile.officer().trainedOn()));
    accreditation.set(profile.officer().accreditation());
    trainingNotice.set(trainingNotice(profile.officer()));
    demonstrationCard.set(profile.credential().equals(OfficerSignIn.DEMO));
    readerName.set(
        profile.credential().startsWith("pcsc:") ? profile.credential().substring(5) : "");
  }

  /** Whether the first-run form is complete. */
  public BooleanBinding completeProperty() {
    return Bindings.createBooleanBinding(
        () ->
            !name.get().isBlank()
                && !office.get().isBlank()
                && !address.get().isBlank()
                && !aedIdentifier.get().isBlank()
                && typedTrainingDay().isPresent()
                && !accreditation.get().isBlank()
                && (demonstrationCard.get() || !readerName.get().isBlank()),
        name,
        office,
        address,
        aedIdentifier,
        trainedOn,
        accreditation,
        demonstrationCard,
        readerName);
  }

  /**
   * Records the officer (first run) or unlocks their card (later runs), off the FX thread; the PIN
   * is wiped once the card has checked it.
   */
  public void signIn(char[] pin) {
    busy.set(true);
    message.set(Texts.get(firstRun.get() ? "signin.reading" : "signin.unlocking"));
    OfficerProfile profile = firstRun.get() ? profileFromForm() : recorded;
    context
        .background()
        .execute(
            () -> {
              try {
                OfficerCredential credential =
                    firstRun.get()
                        ? signIn.register(profile, () -> pin)
                        : signIn.unlock(profile, () -> pin);
                context.ui().execute(() -> done(credential));
              } catch (TokenException | PinUnavailableException | StoreException e) {
                context.ui().execute(() -> failed(e));
              } catch (OfficerMismatchException e) {
                context.ui().execute(() -> notTheOfficersCard(profile));
              } finally {
                Arrays.fill(pin, '\0');
              }
            });
  }

  private OfficerProfile profileFromForm() {
    return new OfficerProfile(
        new Officer(
            name.get().strip(),
            office.get().strip(),
            address.get().strip(),
            aedIdentifier.get().strip(),
            typedTrainingDay().orElseThrow(),
            accreditation.get().strip()),
        demonstrationCard.get() ? OfficerSignIn.DEMO : "pcsc:" + readerName.get().strip());
  }

  private void done(OfficerCredential credential) {
    busy.set(false);
    message.set("");
    onSignedIn.accept(credential);
  }

  private void notTheOfficersCard(OfficerProfile profile) {
    busy.set(false);
    message.set(Texts.get("signin.not-the-officers-card", profile.officer().name()));
  }

  private void failed(Exception e) {
    busy.set(false);
    message.set(
        e instanceof TokenException
            ? Texts.get("signin.card-error", TokenFailureTexts.message(e, Texts.locale()))
            : e.getMessage());
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty officeProperty() {
    return office;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty aedIdentifierProperty() {
    return aedIdentifier;
  }

  /** The day of the officer's last training, typed dd/mm/yyyy. */
  /**
   * What the officer is told of their training at sign-in: the day it runs out when that is within
   * a month, that it ran out (no meeting can start); empty otherwise.
   */
  public StringProperty trainingNoticeProperty() {
    return trainingNotice;
  }

  private String trainingNotice(Officer officer) {
    return switch (OfficerTraining.of(officer, LocalDate.now(context.clock()))) {
      case CURRENT -> "";
      case EXPIRES_SOON -> Texts.get("training.expires-soon", officer.trainingValidUntil());
      case EXPIRED -> Texts.get("training.expired", officer.trainedOn());
    };
  }

  public StringProperty trainedOnProperty() {
    return trainedOn;
  }

  /** The certificate authority's reference of the officer's accreditation. */
  public StringProperty accreditationProperty() {
    return accreditation;
  }

  private Optional<LocalDate> typedTrainingDay() {
    try {
      return Optional.of(LocalDate.parse(trainedOn.get().strip(), TypedDossier.DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Testers' mode: the demonstration officer card instead of a card in a reader. */
  public BooleanProperty demonstrationCardProperty() {
    return demonstrationCard;
  }

  public StringProperty readerNameProperty() {
    return readerName;
  }

  public BooleanProperty firstRunProperty() {
    return firstRun;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
