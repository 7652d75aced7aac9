package fr.aed.station.app.fuzz;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a harness's seeds (its static {@code seeds()} method) as files, the starting corpus of a
 * long run: {@code FuzzSeeds <harness class> <folder>}.
 */
public final class FuzzSeeds {

  private FuzzSeeds() {}

  public static void main(String... args) throws Exception {
    Method seeds = Class.forName(args[0]).getDeclaredMethod("seeds");
    seeds.setAccessible(true);
    Path folder = Files.createDirectories(Path.of(args[1]));
    int n = 0;
    for (Object seed : (List<?>) seeds.invoke(null)) {
      Files.write(folder.resolve("seed-" + n++), (byte[]) seed);
    }
  }
}
