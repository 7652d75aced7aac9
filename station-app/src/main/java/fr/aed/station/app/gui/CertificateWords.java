package fr.aed.station.app.gui;

import fr.aed.station.app.certificate.CertificateEvents;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.certificate.NameParts;
import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.VisibleText;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate's return in the words of the window: its stage, the certificate as the holder reads
 * it before accepting, and why the authority or the station refused it, read back from the
 * meeting's journal.
 */
final class CertificateWords {

  // As the certificate desk journals them: "SEVERITY CODE arg | arg" and "KIND attr: req -> iss".
  private static final Pattern FINDING = Pattern.compile("(\\S+) (\\S+) ?(.*)");
  private static final Pattern DIFFERENCE = Pattern.compile("\\S+ (.*?): (.*) -> (.*)");

  private CertificateWords() {}

  /** The stage in plain words. */
  static String stage(Stage stage) {
    return Texts.get("certificate.stage." + stage.name());
  }

  /** The short mark of the home screen's list: empty when nothing was asked yet. */
  static String mark(Stage stage) {
    return stage == Stage.NONE ? "" : Texts.get("home.certificate." + stage.name());
  }

  /**
   * What the holder reads before accepting: holder, issuer, validity, fingerprint, then the
   * differences with the request and the findings to read.
   */
  static List<String> content(CertificateProgress progress) {
    List<String> lines = new ArrayList<>();
    X509Certificate certificate = progress.issued().orElse(null);
    if (certificate == null) {
      return lines;
    }
    lines.add(Texts.get("certificate.subject-heading"));
    for (NameParts.Part part : NameParts.of(certificate.getSubjectX500Principal())) {
      lines.add(Texts.get("certificate.name-part", partName(part.key()), text(part.value())));
    }
    lines.add(Texts.get("certificate.issuer", readable(certificate.getIssuerX500Principal())));
    lines.add(
        Texts.get(
            "certificate.validity",
            day(certificate.getNotBefore()),
            day(certificate.getNotAfter())));
    lines.add(Texts.get("certificate.fingerprint", progress.certificateSha256().orElse("")));
    progress.certificate().ifPresent(event -> lines.addAll(checks(event)));
    return lines;
  }

  /** Why the certificate is refused, what the authority said, or where it was installed. */
  static List<String> reasons(CertificateProgress progress) {
    if (progress.last().isEmpty()) {
      return List.of();
    }
    CertificateProgress.Event last = progress.last().get();
    List<String> lines = new ArrayList<>();
    switch (last.name()) {
      case CertificateEvents.REJECTED -> lines.addAll(checks(last));
      case CertificateEvents.REFUSED_BY_CA -> {
        lines.add(Texts.get("certificate.refused-codes", last.field("status"), codes(last)));
        said(last, lines);
      }
      case CertificateEvents.WAITING -> {
        lines.add(Texts.get("certificate.ask-again-after", last.field("checkAfterSeconds")));
        said(last, lines);
      }
      case CertificateEvents.INSTALL_INTERRUPTED ->
          lines.add(Texts.get("certificate.install-interrupted", text(last.field("reason"))));
      case CertificateEvents.INSTALLED ->
          lines.add(Texts.get("certificate.installed-on", text(last.field("cardSerial"))));
      default -> {}
    }
    return lines;
  }

  private static void said(CertificateProgress.Event event, List<String> lines) {
    if (!event.field("reason").isBlank()) {
      lines.add(Texts.get("certificate.authority-says", text(event.field("reason"))));
    }
  }

  private static String codes(CertificateProgress.Event event) {
    String codes = event.field("failInfo");
    return codes.isBlank() ? "-" : text(codes);
  }

  // The differences with the request first, then the findings, each in plain words.
  private static List<String> checks(CertificateProgress.Event event) {
    List<String> lines = new ArrayList<>();
    for (String line : event.field("subjectDifferences").split("\n")) {
      Matcher difference = DIFFERENCE.matcher(line);
      if (difference.matches()) {
        lines.add(
            Texts.get(
                "certificate.difference",
                text(difference.group(1)),
                text(orDash(difference.group(2))),
                text(orDash(difference.group(3)))));
      }
    }
    for (String line : event.field("findings").split("\n")) {
      Matcher finding = FINDING.matcher(line);
      if (finding.matches()) {
        lines.add(finding(finding.group(1), finding.group(2), finding.group(3)));
      }
    }
    return lines;
  }

  private static String finding(String severity, String code, String arguments) {
    Object[] parts =
        arguments.isBlank()
            ? new Object[0]
            : java.util.Arrays.stream(arguments.split(" \\| "))
                .map(s -> (Object) text(s))
                .toArray();
    String key = "certificate.finding." + code;
    String said = Texts.get(key, parts);
    // a code this window does not word yet: its code and arguments rather than nothing
    String shown = said.equals(key) ? code + " " + text(arguments) : said;
    return Texts.get(
        "ERROR".equals(severity) ? "certificate.finding-error" : "certificate.finding-warning",
        shown);
  }

  // Every attribute by its name and its text (givenName, surname, organizationIdentifier), not
  // the hex dump RFC 2253 gives for the attributes it does not name.
  // Each attribute's name in plain words; one the station does not know keeps its own name.
  private static String partName(String key) {
    String wording = "certificate.name." + key;
    return Texts.has(wording) ? Texts.get(wording) : key;
  }

  private static String readable(X500Principal name) {
    return text(NameParts.line(name));
  }

  private static String day(Date date) {
    return Catalogue.day(
        date.toInstant().atZone(ZoneId.of("Europe/Paris")).toLocalDate(), Texts.locale());
  }

  private static String orDash(String value) {
    return value.isEmpty() ? "-" : value;
  }

  // What came from the authority or the card is shown escaped, whatever it holds.
  private static String text(String value) {
    return VisibleText.of(value);
  }
}
