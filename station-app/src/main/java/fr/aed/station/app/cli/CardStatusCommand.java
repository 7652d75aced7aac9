package fr.aed.station.app.cli;

import fr.aed.station.app.desk.CardAtDesk;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station card status}: what a holder's card says at the desk, without spending a PIN try:
 * its PIN tries left, its certificates and their end, the meetings held with it; journaled.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a holder's card without spending a PIN try: the PIN tries left, each certificate",
      "and its end of validity, the meetings held with it. Journaled with those meetings."
    })
final class CardStatusCommand implements Runnable {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT).withZone(ZoneId.of("Europe/Paris"));

  @Option(
      names = "--token",
      converter = TokenSpecConverter.class,
      required = true,
      paramLabel = "SPEC",
      description = "pcsc:<reader name part>, pkcs11:<module>[;token=LABEL], simulated:<file>.")
  TokenConnector token;

  @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the output.")
  String language;

  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    CheckLines words = new CheckLines(language);
    try (InterventionStore store = InterventionStore.open(data.database());
        Token card = token.connect()) {
      CardAtDesk.CardState state = new CardAtDesk(store, Clock.systemUTC()).read(card);
      print(words, state);
    } catch (StoreException | TokenException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(CheckLines words, CardAtDesk.CardState state) {
    var out = spec.commandLine().getOut();
    out.println(
        words.words(
            "card.identity",
            VisibleText.of(state.card().model()),
            VisibleText.of(state.card().serial())));
    int tries = state.pin().triesLeft();
    out.println(
        tries < 0
            ? words.words("card.pin-unknown")
            : tries == 0 ? words.words("card.pin-blocked") : words.words("card.pin-tries", tries));
    if (state.certificates().isEmpty()) {
      out.println(words.words("card.no-certificate"));
    }
    for (Map.Entry<KeySlot, X509Certificate> slot : state.certificates().entrySet()) {
      X509Certificate certificate = slot.getValue();
      out.println(
          words.words(
              "card.certificate",
              words.words("card.slot." + slot.getKey().name()),
              VisibleText.of(
                  fr.aed.station.app.certificate.NameParts.line(
                      certificate.getSubjectX500Principal())),
              DAY.format(certificate.getNotAfter().toInstant())));
    }
    for (KeySlot slot : state.unreadable()) {
      out.println(
          words.words("card.certificate-unreadable", words.words("card.slot." + slot.name())));
    }
    for (String meeting : state.otherCertificate()) {
      out.println(words.words("card.other-certificate", meeting));
    }
    out.println(
        state.meetings().isEmpty()
            ? words.words("card.no-meeting")
            : words.words("card.meetings", String.join(", ", state.meetings())));
    out.flush();
  }
}
