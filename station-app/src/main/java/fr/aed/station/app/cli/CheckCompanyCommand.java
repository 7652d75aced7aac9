package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.company.CompanyEvidence;
import fr.aed.station.app.company.CompanyRegistrationCheck;
import fr.aed.station.app.company.CompanyVerdict;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station check-company}: checks the company's identifiers and register extract. */
@Command(
    name = "check-company",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a company's SIREN or SIRET, VAT number and register extract (Kbis) date.",
      "Exit code: 0 accepted, 1 refused (every reason is printed), 2 wrong usage."
    })
final class CheckCompanyCommand implements Callable<Integer> {

  /** One of SIREN or SIRET identifies the company. */
  static final class Identifier {
    @Option(names = "--siren", paramLabel = "SIREN", description = "The 9-digit SIREN.")
    String siren;

    @Option(names = "--siret", paramLabel = "SIRET", description = "The 14-digit SIRET.")
    String siret;
  }

  @ArgGroup(multiplicity = "1")
  Identifier identifier;

  @Option(names = "--vat", paramLabel = "VAT", description = "Intra-community VAT number.")
  String vat;

  @Option(
      names = "--kbis-date",
      paramLabel = "DATE",
      description = "Date of the register extract, YYYY-MM-DD.")
  LocalDate kbisDate;

  @Option(
      names = "--on",
      paramLabel = "DATE",
      description = "Meeting day, YYYY-MM-DD (default: today).")
  LocalDate on;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "The language of the lines printed: fr (default) or en.")
  String lang = "fr";

  @Option(names = "--json", description = "Prints one JSON object instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CompanyEvidence evidence =
        new CompanyEvidence(identifier.siren, identifier.siret, vat, kbisDate, null, null);
    CompanyVerdict verdict =
        CompanyRegistrationCheck.verify(evidence, on != null ? on : LocalDate.now());
    PrintWriter out = spec.commandLine().getOut();
    CheckLines words = new CheckLines(lang);
    if (json) {
      out.println(toJson(verdict, words));
    } else {
      print(verdict, out, words);
    }
    out.flush();
    return verdict.accepted() ? 0 : 1;
  }

  private static List<CheckLines.Line> lines(CompanyVerdict verdict) {
    return verdict.checks().stream()
        .map(c -> new CheckLines.Line(c.code().name(), c.passed(), c.message()))
        .toList();
  }

  private static void print(CompanyVerdict verdict, PrintWriter out, CheckLines words) {
    words.print(out, "subject.company", verdict.accepted(), lines(verdict));
    if (verdict.expectedVatNumber() != null) {
      out.println(words.words("field.expected-vat", VisibleText.of(verdict.expectedVatNumber())));
    }
  }

  private static String toJson(CompanyVerdict verdict, CheckLines words) {
    ObjectMapper mapper = EnrollmentFile.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("accepted", verdict.accepted());
    root.set("checks", words.json(mapper, lines(verdict)));
    root.put("siren", verdict.siren());
    root.put("siret", verdict.siret());
    root.put("expectedVatNumber", verdict.expectedVatNumber());
    return root.toPrettyString();
  }
}
