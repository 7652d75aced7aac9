package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.identity.DocumentCheck;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import fr.aed.station.app.identity.MrzFields;
import fr.aed.station.app.text.VisibleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station check-id}: checks an identity document's machine-readable zone. */
@Command(
    name = "check-id",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the machine-readable zone (MRZ) of a passport, ID card or residence permit:"
          + " layout, check digits, dates and validity on the meeting day.",
      "Exit code: 0 accepted, 1 refused (every reason is printed), 2 wrong usage."
    })
final class CheckIdCommand implements Callable<Integer> {

  /** An MRZ is at most 3 lines of 44; anything much larger is not one. */
  private static final int MAX_MRZ_FILE_BYTES = 4096;

  @Option(
      names = "--mrz-file",
      required = true,
      paramLabel = "FILE",
      description = "Text file holding the MRZ lines, or - for standard input.")
  String mrzFile;

  @Option(
      names = "--on",
      paramLabel = "DATE",
      description = "Meeting day, YYYY-MM-DD (default: today).")
  LocalDate on;

  @Option(names = "--json", description = "Prints one JSON object instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String mrz = readMrz();
    DocumentVerdict verdict = IdentityDocumentCheck.verify(mrz, on != null ? on : LocalDate.now());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(verdict));
    } else {
      print(verdict, out);
    }
    out.flush();
    return verdict.accepted() ? 0 : 1;
  }

  private String readMrz() {
    try {
      byte[] bytes = readAtMostOneByteTooMany();
      if (bytes.length > MAX_MRZ_FILE_BYTES) {
        throw new StationCommandException(
            "MRZ file " + mrzFile + " is larger than " + MAX_MRZ_FILE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new StationCommandException("cannot read MRZ file " + mrzFile + ": " + e, e);
    }
  }

  private byte[] readAtMostOneByteTooMany() throws IOException {
    if (mrzFile.equals("-")) {
      return System.in.readNBytes(MAX_MRZ_FILE_BYTES + 1);
    }
    try (InputStream in = Files.newInputStream(Path.of(mrzFile))) {
      return in.readNBytes(MAX_MRZ_FILE_BYTES + 1);
    }
  }

  private static void print(DocumentVerdict verdict, PrintWriter out) {
    out.println("Pièce d'identité : " + (verdict.accepted() ? "ACCEPTÉE" : "REFUSÉE"));
    for (DocumentCheck check : verdict.checks()) {
      out.printf(
          "  [%s] %s : %s%n",
          check.passed() ? "OK" : "REFUS", check.code(), VisibleText.of(check.reason()));
    }
    MrzFields fields = verdict.fields();
    if (fields != null) {
      out.println("Type : " + fields.type().label());
      out.println("Numéro : " + VisibleText.of(fields.number()));
      out.println("État de délivrance : " + VisibleText.of(fields.issuingState()));
      out.println("Nom : " + VisibleText.of(fields.surname()));
      out.println("Prénoms : " + VisibleText.of(String.join(" ", fields.givenNames())));
      out.println("Date de naissance : " + orUnreadable(fields.birthDate()));
      out.println("Sexe : " + orUnreadable(fields.sex()));
      out.println("Fin de validité : " + orUnreadable(fields.expiryDate()));
    }
  }

  private static String orUnreadable(Object value) {
    return value == null ? "illisible" : value.toString();
  }

  private static String toJson(DocumentVerdict verdict) {
    ObjectMapper mapper = EnrollmentFile.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("accepted", verdict.accepted());
    JsonNode checks = mapper.valueToTree(verdict.checks());
    root.set("checks", checks);
    root.set("fields", mapper.valueToTree(verdict.fields()));
    return root.toPrettyString();
  }
}
