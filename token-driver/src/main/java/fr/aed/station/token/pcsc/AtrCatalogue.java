package fr.aed.station.token.pcsc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The card models the station recognises by ATR, read from a text resource (see {@code
 * atr-catalogue.txt} beside this class for the format and the sources of each entry).
 */
public final class AtrCatalogue {

  static final String UNKNOWN = "unknown card";
  private static final String RESOURCE = "atr-catalogue.txt";

  private final List<Entry> entries;

  private AtrCatalogue(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The catalogue shipped with the station.
   *
   * @throws IllegalStateException if the resource is missing or malformed (a build defect)
   */
  public static AtrCatalogue bundled() {
    try (InputStream in = AtrCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(RESOURCE, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Reads a catalogue: one card a line, {@code ATR | model | module or - | yes/no}; {@code #}
   * starts a comment.
   *
   * @throws IllegalArgumentException naming the line when one is malformed
   */
  public static AtrCatalogue parse(String origin, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.add(Entry.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ", line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new AtrCatalogue(entries);
  }

  /** The model whose pattern matches {@code atr} first, or an unknown card with the raw ATR. */
  public CardModel identify(byte[] atr) {
    String hex = HexFormat.of().withUpperCase().formatHex(atr);
    return entries.stream()
        .filter(entry -> entry.matches(atr))
        .findFirst()
        .map(entry -> new CardModel(entry.model, hex, entry.module, entry.piv, true))
        .orElseGet(() -> new CardModel(UNKNOWN, hex, Optional.empty(), false, false));
  }

  /**
   * Like {@link #identify(byte[])}, for an ATR in hex.
   *
   * @throws IllegalArgumentException if {@code atrHex} is not hex
   */
  public CardModel identify(String atrHex) {
    return identify(HexFormat.of().parseHex(atrHex.replace(" ", "")));
  }

  private record Entry(
      byte[] value, byte[] mask, String model, Optional<String> module, boolean piv) {

    static Entry parse(String line) {
      String[] fields = line.split("\\|", -1);
      if (fields.length != 4) {
        throw new IllegalArgumentException("expected 4 fields separated by |");
      }
      String pattern = fields[0].replace(" ", "").toUpperCase(Locale.ROOT);
      if (pattern.isEmpty()
          || pattern.length() % 2 != 0
          || !pattern.matches("([0-9A-F]{2}|\\.\\.)+")) {
        throw new IllegalArgumentException(
            "the ATR is not hex bytes or '..': " + fields[0].strip());
      }
      int length = pattern.length() / 2;
      byte[] value = new byte[length];
      byte[] mask = new byte[length];
      for (int i = 0; i < length; i++) {
        String pair = pattern.substring(2 * i, 2 * i + 2);
        if (!pair.equals("..")) {
          value[i] = (byte) Integer.parseInt(pair, 16);
          mask[i] = (byte) 0xFF;
        }
      }
      String module = fields[2].strip();
      String piv = fields[3].strip();
      if (!piv.equals("yes") && !piv.equals("no")) {
        throw new IllegalArgumentException("PIV must be yes or no, not '" + piv + "'");
      }
      return new Entry(
          value,
          mask,
          fields[1].strip(),
          module.equals("-") ? Optional.empty() : Optional.of(module),
          piv.equals("yes"));
    }

    boolean matches(byte[] atr) {
      if (atr.length != value.length) {
        return false;
      }
      for (int i = 0; i < atr.length; i++) {
        if ((atr[i] & mask[i]) != value[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
