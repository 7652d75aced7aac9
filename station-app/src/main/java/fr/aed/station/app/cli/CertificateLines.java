package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.certificate.SubjectDifference;
import fr.aed.station.crypto.cmp.CmpAnswer;
import fr.aed.station.crypto.profile.LintFinding;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the certificate's commands say what came back, in the words of the {@code cli} bundles
 * (French by default, English with {@code --lang en}): what the officer and the holder read before
 * the holder accepts.
 */
final class CertificateLines {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT).withZone(ZoneId.of("Europe/Paris"));

  private final CheckLines words;
  private final PrintWriter out;

  CertificateLines(String language, PrintWriter out) {
    this.words = new CheckLines(language);
    this.out = out;
  }

  /** The authority's answer and, for a certificate, the station's verdict. */
  void answer(String interventionId, CertificateDesk.Answer answer) {
    if (answer.answer() instanceof CmpAnswer.Waiting waiting) {
      line("certificate.waiting", waiting.checkAfter().toSeconds(), interventionId);
      if (!waiting.reason().isEmpty()) {
        line("certificate.authority-says", VisibleText.of(waiting.reason()));
      }
    } else if (answer.answer() instanceof CmpAnswer.Refused refused) {
      line(
          "certificate.refused-by-authority",
          refused.status(),
          String.join(", ", refused.failInfo()));
      if (!refused.reason().isEmpty()) {
        line("certificate.authority-says", VisibleText.of(refused.reason()));
      }
    } else {
      verdict(interventionId, answer.verdict().orElseThrow());
    }
    out.flush();
  }

  /** The station's verdict on a certificate, with what the holder is to read, then what next. */
  void verdict(String interventionId, CertificateVerdict verdict) {
    verdict(interventionId, verdict, true);
  }

  /** The station's verdict on a certificate, with what next when {@code next} says. */
  void verdict(String interventionId, CertificateVerdict verdict, boolean next) {
    if (verdict.accepted()) {
      line("certificate.checked");
      content(verdict.certificate().orElseThrow(), verdict.sha256());
    } else {
      line("certificate.rejected");
    }
    for (LintFinding finding : verdict.findings()) {
      finding(finding);
    }
    for (SubjectDifference difference : verdict.subjectDifferences()) {
      line(
          "certificate.difference",
          difference.attribute(),
          VisibleText.of(empty(difference.requested())),
          VisibleText.of(empty(difference.issued())));
    }
    if (next || !verdict.accepted()) {
      line(
          verdict.accepted() ? "certificate.next-install" : "certificate.next-rejected",
          interventionId);
    }
    out.flush();
  }

  /** What the certificate says, for the holder to read before accepting it. */
  void content(X509Certificate certificate, String sha256) {
    line("certificate.subject", readable(certificate.getSubjectX500Principal()));
    line("certificate.issuer", readable(certificate.getIssuerX500Principal()));
    line(
        "certificate.validity",
        DAY.format(certificate.getNotBefore().toInstant()),
        DAY.format(certificate.getNotAfter().toInstant()));
    line("certificate.fingerprint", sha256);
  }

  /** The question put to the holder. */
  String acceptQuestion() {
    return words.words("certificate.accept-question");
  }

  /** The word the holder types to accept. */
  String acceptWord() {
    return words.words("certificate.accept-word");
  }

  /** Sends what was printed to the terminal. */
  void flush() {
    out.flush();
  }

  /** A line of the bundle. */
  void line(String key, Object... arguments) {
    out.println(words.words(key, arguments));
  }

  private void finding(LintFinding finding) {
    String key = "certificate.finding." + finding.code();
    String text;
    try {
      text = words.words(key, finding.arguments().toArray());
    } catch (java.util.MissingResourceException e) {
      // a code this station does not word yet: its English message rather than nothing
      text = finding.message();
    }
    line(
        finding.severity() == LintFinding.Severity.ERROR
            ? "certificate.finding-error"
            : "certificate.finding-warning",
        VisibleText.of(text));
  }

  private static String readable(javax.security.auth.x500.X500Principal name) {
    return VisibleText.of(fr.aed.station.app.certificate.NameParts.line(name));
  }

  private static String empty(String value) {
    return value.isEmpty() ? "-" : value;
  }
}
