package fr.aed.station.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The short fuzzing run of {@code mvn verify}: the seeds, then inputs mutated from them by a
 * generator with a fixed seed (bytes flipped, set, inserted, removed, duplicated, spliced with
 * another seed, dictionary words inserted), so the run is the same on every build. The long,
 * coverage-guided runs are Jazzer's ({@code scripts/fuzz-long}).
 */
public final class ShortFuzzRun {

  /** Inputs per target in the build: enough to catch a regression, cheap on a 2-core machine. */
  public static final int INPUTS = 2000;

  private static final long SEED = 14; // issue 14

  private ShortFuzzRun() {}

  /** What a harness does with one input. */
  @FunctionalInterface
  public interface Harness {
    void check(byte[] input) throws Exception;
  }

  /**
   * Runs the seeds and {@code count} mutants through the harness; a failure names the input in hex.
   *
   * @param dictionary words worth inserting (keywords, separators), may be empty
   */
  public static void run(List<byte[]> seeds, List<String> dictionary, int count, Harness harness)
      throws Exception {
    Random random = new Random(SEED);
    List<byte[]> words =
        dictionary.stream().map(w -> w.getBytes(StandardCharsets.ISO_8859_1)).toList();
    List<byte[]> inputs = new ArrayList<>(seeds);
    while (inputs.size() < seeds.size() + count) {
      inputs.add(mutate(seeds, words, random));
    }
    for (byte[] input : inputs) {
      try {
        harness.check(input);
      } catch (Exception | AssertionError e) {
        throw new AssertionError("input " + HexFormat.of().formatHex(input) + ": " + e, e);
      }
    }
  }

  private static byte[] mutate(List<byte[]> seeds, List<byte[]> words, Random random) {
    byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      input = mutateOnce(input, seeds, words, random);
    }
    return input;
  }

  private static byte[] mutateOnce(
      byte[] input, List<byte[]> seeds, List<byte[]> words, Random random) {
    int at = input.length == 0 ? 0 : random.nextInt(input.length);
    switch (random.nextInt(words.isEmpty() ? 7 : 8)) {
      case 0:
        if (input.length > 0) {
          input[at] ^= (byte) (1 << random.nextInt(8));
        }
        return input;
      case 1:
        if (input.length > 0) {
          input[at] = (byte) random.nextInt(256);
        }
        return input;
      case 2:
        return insert(input, at, new byte[] {(byte) random.nextInt(256)});
      case 3:
        {
          int length = Math.min(input.length - at, 1 + random.nextInt(8));
          return concat(
              Arrays.copyOf(input, at), Arrays.copyOfRange(input, at + length, input.length));
        }
      case 4:
        {
          int length = Math.min(input.length - at, 1 + random.nextInt(16));
          return insert(input, at, Arrays.copyOfRange(input, at, at + length));
        }
      case 5:
        {
          byte[] other = seeds.get(random.nextInt(seeds.size()));
          int from = other.length == 0 ? 0 : random.nextInt(other.length);
          return concat(Arrays.copyOf(input, at), Arrays.copyOfRange(other, from, other.length));
        }
      case 6:
        return Arrays.copyOf(input, at);
      default:
        return insert(input, at, words.get(random.nextInt(words.size())));
    }
  }

  private static byte[] insert(byte[] input, int at, byte[] inserted) {
    return concat(
        concat(Arrays.copyOf(input, at), inserted), Arrays.copyOfRange(input, at, input.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
