package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Demonstration stations made by {@code station demo}, for command-line tests. */
final class DemoStations {

  private DemoStations() {}

  /** Runs the command line: exit code, standard output, standard error. */
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** Runs one demo in {@code data}; its JSON outcome. */
  static JsonNode demo(Path data, Path out) throws IOException {
    String[] demo =
        run(
            "demo",
            "--data-dir",
            data.toString(),
            "--out",
            out.toString(),
            "--json",
            "--algorithm",
            "p256");
    assertEquals("0", demo[0], demo[2]);
    return EnrollmentFile.mapper().readTree(demo[1]);
  }

  /** A copy of a data folder (database and demonstration card), to be tampered with. */
  static Path copy(Path data, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copied = target.resolve(data.relativize(file).toString());
        // a copy keeps the data folder's modes: the officer's alone
        if (Files.isDirectory(file)) {
          fr.aed.station.app.files.PrivateFiles.createFolders(copied);
        } else {
          Files.copy(
              file,
              copied,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
