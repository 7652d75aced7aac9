package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reader as the officer sees it: its card, the card's model and how the station can use it.
 *
 * @param state the reader, whether it holds a card, and the ATR
 * @param model the card's model from the ATR catalogue, when there is a card whose ATR was read
 * @param piv whether the card speaks PIV: said by the catalogue, or answered to a SELECT
 * @param pivSource {@code catalogue}, {@code select}, or empty when the card does not speak PIV
 */
public record ReaderReport(
    ReaderState state, Optional<CardModel> model, boolean piv, String pivSource) {

  /** The backends the station can use with this card: PIV over PC/SC, the PKCS#11 module. */
  public List<String> backends() {
    List<String> backends = new ArrayList<>();
    if (piv) {
      backends.add("PIV over PC/SC");
    }
    model.flatMap(CardModel::pkcs11Module).ifPresent(module -> backends.add("PKCS#11 " + module));
    return backends;
  }

  /**
   * Surveys every reader of {@code readers}: the catalogue names each card; a card the catalogue
   * does not know as PIV is asked to SELECT the PIV application.
   *
   * @throws PcscServiceDownException if the PC/SC service (or the simulator) is unavailable
   * @throws TokenException if the readers cannot be listed
   */
  public static List<ReaderReport> survey(CardReaders readers, AtrCatalogue catalogue)
      throws TokenException {
    List<ReaderReport> reports = new ArrayList<>();
    for (ReaderState state : readers.readerStates()) {
      reports.add(report(readers, catalogue, state));
    }
    return reports;
  }

  private static ReaderReport report(
      CardReaders readers, AtrCatalogue catalogue, ReaderState state) {
    if (!state.cardPresent() || state.atrHex().isEmpty()) {
      return new ReaderReport(state, Optional.empty(), false, "");
    }
    CardModel model = catalogue.identify(state.atrHex());
    if (model.piv()) {
      return new ReaderReport(state, Optional.of(model), true, "catalogue");
    }
    boolean selects;
    try {
      selects = readers.selectsPiv(state.name());
    } catch (TokenException e) {
      // Pulled out or busy meanwhile: the listing still shows the card, without PIV.
      selects = false;
    }
    return new ReaderReport(state, Optional.of(model), selects, selects ? "select" : "");
  }
}
