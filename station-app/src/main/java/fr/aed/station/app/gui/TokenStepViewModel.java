package fr.aed.station.app.gui;

import fr.aed.station.app.device.ReaderSnapshot;
import fr.aed.station.app.device.ReaderWatch;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.token.pcsc.AtrCatalogue;
import fr.aed.station.token.pcsc.CardModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The token step's readers, live: every reader with its card and the card's model from the ATR
 * catalogue, watched off the interface thread; the reader of a card just inserted is chosen; a card
 * pulled out is said at once; without a PC/SC service, the page says so and, in the testers' mode,
 * keeps to the simulated card.
 */
public final class TokenStepViewModel {

  private final StationContext context;
  private final StringProperty readerName;
  private final BooleanProperty simulatedCard;
  private final ReaderWatch probe;
  private final ObservableList<String> readers = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty(Texts.get("token.looking"));
  private final ReadOnlyBooleanWrapper pcscAvailable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper cardReady = new ReadOnlyBooleanWrapper();
  private ReaderSnapshot shown;
  private ReaderWatch watching;

  /**
   * @param readerName the reader chosen (part of its name), which a card inserted fills in
   * @param simulatedCard whether the simulated card is chosen instead of a reader
   */
  TokenStepViewModel(
      StationContext context, StringProperty readerName, BooleanProperty simulatedCard) {
    this.context = context;
    this.readerName = readerName;
    this.simulatedCard = simulatedCard;
    this.probe = newWatch();
  }

  private ReaderWatch newWatch() {
    return new ReaderWatch(
        context.readers(),
        AtrCatalogue.bundled(),
        snapshot -> context.ui().execute(() -> show(snapshot)));
  }

  /** Each reader as a line: its name, then its card and the card's model, or no card. */
  public ObservableList<String> readers() {
    return readers;
  }

  /** What the officer should know now: the card ready, pulled out, missing, or no PC/SC. */
  public StringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty pcscAvailableProperty() {
    return pcscAvailable.getReadOnlyProperty();
  }

  /** Whether the chosen reader holds a card. */
  public ReadOnlyBooleanProperty cardReadyProperty() {
    return cardReady.getReadOnlyProperty();
  }

  /** Starts watching the readers on a thread of its own, unless it watches already. */
  public void startWatching() {
    if (watching == null) {
      // A watch once stopped stays stopped: each showing of the step has its own.
      watching = newWatch();
      Thread thread = new Thread(watching::watch, "station-readers");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Stops watching the readers. */
  public void stopWatching() {
    if (watching != null) {
      watching.stop();
      watching = null;
    }
  }

  /** Looks at the readers once, on the calling thread (tests; the watching thread otherwise). */
  void refresh() {
    probe.check();
  }

  private void show(ReaderSnapshot now) {
    ReaderSnapshot before = shown;
    shown = now;
    if (!now.serviceAvailable()) {
      noService(now);
      return;
    }
    pcscAvailable.set(true);
    readers.setAll(now.readers().stream().map(TokenStepViewModel::line).toList());
    chooseInsertedCard(before, now);
    Optional<ReaderSnapshot.Reader> chosen = chosen(now);
    cardReady.set(chosen.map(ReaderSnapshot.Reader::cardPresent).orElse(false));
    if (chosen.isPresent() && chosen.get().cardPresent()) {
      status.set(Texts.get("token.card-ready", chosen.get().name(), model(chosen.get())));
    } else if (pulledOut(before, chosen)) {
      status.set(Texts.get("token.card-pulled", chosen.get().name()));
    } else if (now.readers().isEmpty()) {
      status.set(Texts.get("token.no-reader"));
    } else {
      status.set(Texts.get("token.insert-card"));
    }
  }

  private void noService(ReaderSnapshot now) {
    pcscAvailable.set(false);
    cardReady.set(false);
    readers.clear();
    String why =
        Texts.get(
            "token.no-pcsc",
            TokenFailureTexts.message(now.failure().orElseThrow(), Texts.locale()));
    if (context.testersMode()) {
      simulatedCard.set(true);
      status.set(why + " " + Texts.get("token.no-pcsc.testers"));
    } else {
      status.set(why);
    }
  }

  // A card inserted where there was none: its reader is the one the officer means.
  private void chooseInsertedCard(ReaderSnapshot before, ReaderSnapshot now) {
    List<String> hadCard =
        before == null ? List.of() : before.withCard().stream().map(r -> r.name()).toList();
    now.withCard().stream()
        .filter(reader -> !hadCard.contains(reader.name()))
        .findFirst()
        .ifPresent(
            inserted -> {
              readerName.set(inserted.name());
              simulatedCard.set(false);
            });
  }

  private Optional<ReaderSnapshot.Reader> chosen(ReaderSnapshot now) {
    String part = readerName.get() == null ? "" : readerName.get().strip();
    if (part.isEmpty()) {
      return Optional.empty();
    }
    return now.readers().stream().filter(r -> r.name().contains(part)).findFirst();
  }

  private boolean pulledOut(ReaderSnapshot before, Optional<ReaderSnapshot.Reader> chosen) {
    return before != null
        && chosen.isPresent()
        && before.withCard().stream().anyMatch(r -> r.name().equals(chosen.get().name()));
  }

  private static String line(ReaderSnapshot.Reader reader) {
    if (!reader.cardPresent()) {
      return Texts.get("token.reader-line.empty", reader.name());
    }
    return Texts.get("token.reader-line.card", reader.name(), model(reader));
  }

  private static String model(ReaderSnapshot.Reader reader) {
    return reader
        .model()
        .map((CardModel m) -> m.known() ? m.name() : Texts.get("token.card-unknown", m.atrHex()))
        .orElse(Texts.get("token.atr-unreadable"));
  }
}
