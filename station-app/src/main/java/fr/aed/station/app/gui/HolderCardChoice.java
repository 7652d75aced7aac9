package fr.aed.station.app.gui;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The holder's card a certificate is written on: the reader the officer clicks among the readers
 * watched live, or in the testers' mode a saved simulated card chosen by its file.
 */
public final class HolderCardChoice {

  private final StationContext context;
  private final StringProperty readerName = new SimpleStringProperty("");
  private final BooleanProperty simulatedCard = new SimpleBooleanProperty();
  private final TokenStepViewModel readers;
  private Path simulatedCardFile;

  HolderCardChoice(StationContext context) {
    this.context = context;
    this.readers = new TokenStepViewModel(context, readerName, simulatedCard);
  }

  /** The readers, live, for the officer to click the one holding the holder's card. */
  public TokenStepViewModel readers() {
    return readers;
  }

  /** Whether the testers' simulated card is offered. */
  public boolean testersMode() {
    return context.testersMode();
  }

  /** The tester chooses the file of the holder's simulated card (testers' mode). */
  public void chooseSimulatedCard() {
    if (!context.testersMode()) {
      return;
    }
    context
        .dialogs()
        .chooseSimulatedCard()
        .ifPresent(
            file -> {
              simulatedCardFile = file;
              simulatedCard.set(true);
            });
  }

  /** The card chosen, empty while none is. */
  Optional<TokenConnector> connector() {
    if (simulatedCard.get()) {
      return Optional.ofNullable(simulatedCardFile).map(TokenConnectors::savedSimulatedCard);
    }
    String reader = readerName.get() == null ? "" : readerName.get().strip();
    return reader.isEmpty()
        ? Optional.empty()
        : Optional.of(TokenConnectors.fromSpec("pcsc:" + reader));
  }

  /** Watches the readers while the card is to be chosen, or stops. */
  void watch(boolean on) {
    if (on) {
      readers.startWatching();
    } else {
      readers.stopWatching();
    }
  }
}
