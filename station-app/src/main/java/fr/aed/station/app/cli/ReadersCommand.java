package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.AtrCatalogue;
import fr.aed.station.token.pcsc.CardModel;
import fr.aed.station.token.pcsc.CardReaders;
import fr.aed.station.token.pcsc.ReaderReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station readers}: every card reader, its card, the card's model and usable backends. */
@Command(
    name = "readers",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every card reader, whether it holds a card, the card's ATR and model, and how the",
      "station can use it: PIV over PC/SC (said by the ATR catalogue or a SELECT) and the PKCS#11",
      "module the catalogue names."
    })
final class ReadersCommand implements Runnable {

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  // For tests: the in-process readers of simulated cards instead of pcscd's.
  @Option(names = "--in-process", hidden = true)
  boolean inProcess;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    CardReaders readers = inProcess ? CardReaders.inProcess() : CardReaders.system();
    List<ReaderReport> reports;
    try {
      reports = ReaderReport.survey(readers, AtrCatalogue.bundled());
    } catch (TokenException e) {
      throw new StationCommandException(TokenFailureTexts.message(e, Locale.getDefault()), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(reports));
    } else if (reports.isEmpty()) {
      out.println("No reader.");
    } else {
      reports.forEach(report -> print(out, report));
    }
    out.flush();
  }

  private static void print(PrintWriter out, ReaderReport report) {
    out.println(VisibleText.of(report.state().name()));
    if (!report.state().cardPresent()) {
      out.println("  card     : none");
      return;
    }
    String atr = report.state().atrHex();
    out.println("  card     : present" + (atr.isEmpty() ? " (ATR unreadable: in use?)" : ""));
    report.model().ifPresent(model -> out.println("  model    : " + model.displayName()));
    List<String> backends = report.backends();
    out.println(
        "  backends : " + (backends.isEmpty() ? "none known" : String.join("; ", backends)));
  }

  static String toJson(List<ReaderReport> reports) {
    ObjectNode root = EnrollmentFile.mapper().createObjectNode();
    ArrayNode readers = root.putArray("readers");
    for (ReaderReport report : reports) {
      ObjectNode node = readers.addObject();
      node.put("name", report.state().name());
      node.put("cardPresent", report.state().cardPresent());
      if (!report.state().atrHex().isEmpty()) {
        node.put("atr", report.state().atrHex());
      }
      report.model().ifPresent(model -> putModel(node, model));
      node.put("piv", report.piv());
      if (report.piv()) {
        node.put("pivSource", report.pivSource());
      }
      ArrayNode backends = node.putArray("backends");
      report.backends().forEach(backends::add);
    }
    return root.toString();
  }

  private static void putModel(ObjectNode node, CardModel model) {
    node.put("model", model.name());
    node.put("known", model.known());
    model.pkcs11Module().ifPresent(module -> node.put("pkcs11Module", module));
  }
}
