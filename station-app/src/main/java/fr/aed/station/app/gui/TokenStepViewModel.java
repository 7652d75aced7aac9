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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The token step's readers, live: every reader with its card and the card's model from the ATR
 * catalogue, watched off the interface thread; a card pulled out is said at once; without a PC/SC
 * service, the page says so. The holder's token is the officer's choice alone: a card inserted or
 * pulled out updates the list, never the choice; the reader of the officer's own card is never
 * offered.
 */
public final class TokenStepViewModel {

  private final StationContext context;
  private final StringProperty readerName;
  private final BooleanProperty simulatedCard;
  private final ReaderWatch probe;
  private final ObservableList<String> readers = FXCollections.observableArrayList();
  // The readers offered, in the order of the lines above (the officer's own reader left out).
  private List<ReaderSnapshot.Reader> offered = List.of();
  private final StringProperty status = new SimpleStringProperty(Texts.get("token.looking"));
  private final ReadOnlyBooleanWrapper pcscAvailable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper cardReady = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper chosenCard = new ReadOnlyStringWrapper("");
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
    simulatedCard.addListener((obs, old, now) -> reshow());
    readerName.addListener((obs, old, now) -> reshow());
    describeChoice(Optional.empty());
  }

  private void reshow() {
    if (shown != null) {
      show(shown);
    } else {
      describeChoice(Optional.empty());
    }
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

  /**
   * The officer chooses the reader of the line at {@code index} as the holder's token (a click in
   * the list); nothing else ever changes the choice.
   */
  public void chooseReader(int index) {
    if (index >= 0 && index < offered.size()) {
      readerName.set(offered.get(index).name());
      simulatedCard.set(false);
    }
  }

  /** The line of the reader chosen, or -1 when none is (the simulated card, or not chosen yet). */
  public int chosenIndex() {
    if (simulatedCard.get()) {
      return -1;
    }
    for (int i = 0; i < offered.size(); i++) {
      if (offered.get(i).name().equals(readerName.get())) {
        return i;
      }
    }
    return -1;
  }

  /** What the officer should know now: the card ready, pulled out, missing, or no PC/SC. */
  public StringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty pcscAvailableProperty() {
    return pcscAvailable.getReadOnlyProperty();
  }

  /**
   * The exact card the holder's PIN goes to, as the holder's screen names it: the simulated card,
   * or the card's model and its reader; empty while nothing is chosen.
   */
  public ReadOnlyStringProperty chosenCardProperty() {
    return chosenCard.getReadOnlyProperty();
  }

  /** Whether the officer chose the holder's token: the simulated card, or a reader. */
  public boolean tokenChosen() {
    return simulatedCard.get() || !(readerName.get() == null || readerName.get().isBlank());
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
    offered = offered(now);
    readers.setAll(offered.stream().map(TokenStepViewModel::line).toList());
    Optional<ReaderSnapshot.Reader> chosen = chosen();
    describeChoice(chosen);
    cardReady.set(chosen.map(ReaderSnapshot.Reader::cardPresent).orElse(false));
    if (chosen.isPresent() && chosen.get().cardPresent()) {
      status.set(Texts.get("token.card-ready", chosen.get().name(), model(chosen.get())));
    } else if (pulledOut(before, chosen)) {
      status.set(Texts.get("token.card-pulled", chosen.get().name()));
    } else if (simulatedCard.get()) {
      status.set(Texts.get("token.simulated-chosen"));
    } else if (offered.isEmpty()) {
      status.set(Texts.get("token.no-reader"));
    } else if (chosen.isEmpty()) {
      status.set(Texts.get("token.choose-reader"));
    } else {
      status.set(Texts.get("token.insert-card"));
    }
  }

  // Every reader but the one holding the officer's own card.
  private List<ReaderSnapshot.Reader> offered(ReaderSnapshot now) {
    Optional<String> officers = context.officer().readerName();
    return now.readers().stream()
        .filter(reader -> officers.map(name -> !name.equals(reader.name())).orElse(true))
        .toList();
  }

  private void noService(ReaderSnapshot now) {
    pcscAvailable.set(false);
    cardReady.set(false);
    offered = List.of();
    readers.clear();
    describeChoice(Optional.empty());
    String why =
        Texts.get(
            "token.no-pcsc",
            TokenFailureTexts.message(now.failure().orElseThrow(), Texts.locale()));
    if (context.testersMode()) {
      status.set(why + " " + Texts.get("token.no-pcsc.testers"));
    } else {
      status.set(why);
    }
  }

  private void describeChoice(Optional<ReaderSnapshot.Reader> chosen) {
    if (simulatedCard.get()) {
      chosenCard.set(Texts.get("token.chosen.simulated"));
    } else if (chosen.isPresent() && chosen.get().cardPresent()) {
      chosenCard.set(Texts.get("token.chosen.reader", model(chosen.get()), chosen.get().name()));
    } else if (tokenChosen()) {
      chosenCard.set(Texts.get("token.chosen.empty-reader", readerName.get()));
    } else {
      chosenCard.set("");
    }
  }

  private Optional<ReaderSnapshot.Reader> chosen() {
    if (simulatedCard.get()) {
      return Optional.empty();
    }
    String name = readerName.get() == null ? "" : readerName.get();
    return offered.stream().filter(r -> r.name().equals(name)).findFirst();
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
