package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.FeatureDraws;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station proofing}: the identity proofing of a meeting held at the terminal, whose record
 * goes into the enrollment file; the window leads the officer through it instead.
 */
@Command(
    name = "proofing",
    mixinStandardHelpOptions = true,
    description = "The identity proofing of a meeting recorded in an enrollment file.",
    subcommands = {ProofingCommand.Draw.class})
final class ProofingCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Draws the security features the officer examines, and journals the draw. */
  @Command(
      name = "draw",
      mixinStandardHelpOptions = true,
      description = {
        "Draws at random the security features of the document the officer examines (at least"
            + " three), prints what to look for on each, and records the draw in the station's"
            + " journal. Copy the features drawn into meeting.proofing.examination of the"
            + " enrollment file, with your verdict on each (docs/dossier-format.md).",
        "A feature that cannot be checked here: draw one more with --count 1 --exclude the"
            + " features already drawn."
      })
  static final class Draw implements Callable<Integer> {

    @Mixin DataDirectory data;

    @Option(
        names = "--document",
        required = true,
        description = "The document presented: ${COMPLETION-CANDIDATES}.")
    IdentityDocumentType document;

    @Option(
        names = "--state",
        paramLabel = "STATE",
        description = "Its issuing state, as in its MRZ (default: FRA).")
    String state = "FRA";

    @Option(
        names = "--count",
        paramLabel = "N",
        description = "How many features to draw (default and least: 3; 1 or more to add).")
    int count = DocumentCatalogue.FEATURES_TO_CHECK;

    @Option(
        names = "--exclude",
        split = ",",
        paramLabel = "FEATURE",
        description = "Features already drawn, not to draw again.")
    List<String> excluded = List.of();

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
      CheckLines words = new CheckLines(lang);
      // A first draw is of exactly three features: more would let the officer pick among them.
      boolean first = excluded.stream().allMatch(String::isBlank);
      if (first && count != DocumentCatalogue.FEATURES_TO_CHECK
          || !first && (count < 1 || count > DocumentCatalogue.FEATURES_TO_CHECK)) {
        throw new StationUsageException(
            "--count: a draw is of "
                + DocumentCatalogue.FEATURES_TO_CHECK
                + " features; with --exclude (the features already drawn), of 1 to "
                + DocumentCatalogue.FEATURES_TO_CHECK
                + " more, one for each that could not be checked");
      }
      excluded = excluded.stream().filter(id -> !id.isBlank()).toList();
      DocumentCatalogue catalogue = catalogue();
      CatalogueDocument entry =
          catalogue
              .entryFor(new IdentityDocument(document, "", state, LocalDate.MIN))
              .orElseThrow(
                  () ->
                      new StationCommandException(
                          "the document catalogue "
                              + catalogue.version()
                              + " accepts no "
                              + document
                              + " issued by "
                              + VisibleText.of(state)));
      excluded.stream()
          .filter(id -> entry.feature(id).isEmpty())
          .findFirst()
          .ifPresent(
              id -> {
                throw new StationUsageException(
                    "--exclude: "
                        + VisibleText.of(id)
                        + " is no security feature of "
                        + entry.id()
                        + " (the features drawn already are named by their ids)");
              });
      Instant at = Instant.now();
      List<SecurityFeature> drawn = drawAndRecord(catalogue, entry, at);
      if (drawn.isEmpty()) {
        throw new StationCommandException(
            entry.id() + ": every feature of the catalogue was drawn already");
      }
      PrintWriter out = spec.commandLine().getOut();
      Locale language = Locale.forLanguageTag(lang);
      if (json) {
        out.println(toJson(catalogue, entry, drawn, at, language));
      } else {
        print(out, words, language, catalogue, entry, drawn);
      }
      out.flush();
      return 0;
    }

    // The catalogue of the data folder: the certificate authority's when it gave one.
    private DocumentCatalogue catalogue() {
      try {
        return DocumentCatalogue.forStation(data.resolve());
      } catch (CatalogueException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    // The draw is journaled in the station's journal: the meeting whose file lists its features
    // records that the station drew them, and the audit says so.
    private List<SecurityFeature> drawAndRecord(
        DocumentCatalogue catalogue, CatalogueDocument entry, Instant at) {
      try (InterventionStore store = InterventionStore.open(data.database())) {
        return FeatureDraws.drawAndRecord(store, catalogue, entry, count, excluded, at);
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    private static void print(
        PrintWriter out,
        CheckLines words,
        Locale language,
        DocumentCatalogue catalogue,
        CatalogueDocument entry,
        List<SecurityFeature> drawn) {
      out.println(
          words.words(
              "proofing.document", entry.name().in(language), entry.id(), catalogue.version()));
      out.println(words.words("proofing.reference", entry.reference()));
      out.println(words.words("proofing.drawn"));
      for (SecurityFeature feature : drawn) {
        out.println(
            words.words(
                "proofing.feature",
                feature.id(),
                feature.name().in(language),
                words.words("tool." + feature.tool().name()),
                feature.lookFor().in(language)));
      }
    }

    private static String toJson(
        DocumentCatalogue catalogue,
        CatalogueDocument entry,
        List<SecurityFeature> drawn,
        Instant at,
        Locale language) {
      ObjectMapper mapper = EnrollmentFile.mapper();
      ObjectNode root = mapper.createObjectNode();
      root.put("catalogueVersion", catalogue.version());
      root.put("document", entry.id());
      root.put("drawnAt", at.toString());
      ArrayNode features = root.putArray("features");
      for (SecurityFeature feature : drawn) {
        features
            .addObject()
            .put("id", feature.id())
            .put("name", feature.name().in(language))
            .put("lookFor", feature.lookFor().in(language))
            .put("tool", feature.tool().name());
      }
      return root.toPrettyString();
    }
  }
}
