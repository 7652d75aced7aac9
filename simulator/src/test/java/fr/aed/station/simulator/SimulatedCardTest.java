package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

class SimulatedCardTest {

  @Test
  void theInProcessFactoryListsInsertedCardsUntilClosed() throws Exception {
    try (SimulatedCard first = SimulatedCard.insert();
        SimulatedCard second = SimulatedCard.insert()) {
      assertNotEquals(first.readerName(), second.readerName());
      List<String> names = readerNames();
      assertTrue(names.contains(first.readerName()), names.toString());
      assertTrue(names.contains(second.readerName()), names.toString());
      assertTrue(first.terminal().isCardPresent());
      first.close();
      assertFalse(readerNames().contains(first.readerName()));
      assertTrue(readerNames().contains(second.readerName()));
    }
  }

  private static List<String> readerNames() throws Exception {
    TerminalFactory factory =
        TerminalFactory.getInstance(SimulatedCard.TERMINAL_FACTORY_TYPE, null);
    return factory.terminals().list().stream().map(CardTerminal::getName).toList();
  }
}
