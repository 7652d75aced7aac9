package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import fr.aed.station.app.identity.MrzFields;
import fr.aed.station.app.text.Message;
import fr.aed.station.app.text.VisibleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
    String mrz = readMrz();
    DocumentVerdict verdict = IdentityDocumentCheck.verify(mrz, on != null ? on : LocalDate.now());
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

  private static List<CheckLines.Line> lines(DocumentVerdict verdict) {
    return verdict.checks().stream()
        .map(c -> new CheckLines.Line(c.code().name(), c.passed(), c.message()))
        .toList();
  }

  private static void print(DocumentVerdict verdict, PrintWriter out, CheckLines words) {
    words.print(out, "subject.identity", verdict.accepted(), lines(verdict));
    MrzFields fields = verdict.fields();
    if (fields != null) {
      out.println(
          words.words(
              "field.type", words.said(Message.of("document-type." + fields.type().name()))));
      out.println(words.words("field.number", VisibleText.of(fields.number())));
      out.println(words.words("field.state", VisibleText.of(fields.issuingState())));
      out.println(words.words("field.surname", VisibleText.of(fields.surname())));
      out.println(
          words.words("field.given-names", VisibleText.of(String.join(" ", fields.givenNames()))));
      out.println(words.words("field.birth-date", orUnreadable(fields.birthDate(), words)));
      out.println(words.words("field.sex", orUnreadable(fields.sex(), words)));
      out.println(words.words("field.expiry", orUnreadable(fields.expiryDate(), words)));
    }
  }

  private static Object orUnreadable(Object value, CheckLines words) {
    return value == null ? words.words("field.unreadable") : value;
  }

  private static String toJson(DocumentVerdict verdict, CheckLines words) {
    ObjectMapper mapper = EnrollmentFile.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("accepted", verdict.accepted());
    JsonNode checks = words.json(mapper, lines(verdict));
    root.set("checks", checks);
    root.set("fields", mapper.valueToTree(verdict.fields()));
    return root.toPrettyString();
  }
}
