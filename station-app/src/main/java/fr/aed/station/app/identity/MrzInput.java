package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns typed, pasted or scanned text into MRZ lines and recognises their layout. Surrounding
 * whitespace, CR/LF line ends, blank lines and lower-case letters are accepted; anything else is
 * reported. The legacy French ID card is recognised before any ICAO layout is considered, because
 * an ICAO TD2 reading of it gives plausible garbage.
 *
 * @param lines the lines, stripped and upper-cased
 * @param layout the recognised layout, empty when the zone is not readable
 * @param checks the format and character checks, passed or not
 */
record MrzInput(List<String> lines, Optional<MrzLayout> layout, List<DocumentCheck> checks) {

  private static final int MAX_REPORTED_CHARACTERS = 5;

  /** Reads raw text; never throws. */
  static MrzInput read(String raw) {
    List<String> lines = lines(raw == null ? "" : raw);
    List<DocumentCheck> checks = new ArrayList<>();
    Optional<MrzLayout> layout = layoutCheck(lines, checks);
    DocumentCheck characters = characterCheck(lines);
    checks.add(characters);
    return new MrzInput(lines, characters.passed() ? layout : Optional.empty(), checks);
  }

  private static List<String> lines(String raw) {
    List<String> lines = new ArrayList<>();
    for (String line : raw.split("\\R")) {
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        lines.add(upperCaseAsciiLetters(stripped));
      }
    }
    return lines;
  }

  private static String upperCaseAsciiLetters(String line) {
    StringBuilder upper = new StringBuilder(line.length());
    line.chars().forEach(c -> upper.append((char) (c >= 'a' && c <= 'z' ? c - 32 : c)));
    return upper.toString();
  }

  private static Optional<MrzLayout> layoutCheck(List<String> lines, List<DocumentCheck> checks) {
    Optional<MrzLayout> layout = recognise(lines);
    if (layout.isEmpty()) {
      checks.add(unknown(lines));
      return layout;
    }
    MrzLayout expected = layout.get();
    List<Message> wrong = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() != expected.lineLength()) {
        wrong.add(
            Message.of(
                "mrz.format.line-length", i + 1, lines.get(i).length(), expected.lineLength()));
      }
    }
    if (!wrong.isEmpty()) {
      checks.add(
          DocumentCheck.failed(
              DocumentCheckCode.MRZ_FORMAT, "mrz.format.wrong-lines", expected.label(), wrong));
      return Optional.empty();
    }
    checks.add(
        DocumentCheck.passed(DocumentCheckCode.MRZ_FORMAT, "mrz.format.read", expected.label()));
    return layout;
  }

  private static Optional<MrzLayout> recognise(List<String> lines) {
    if (lines.size() == 3) {
      return Optional.of(MrzLayout.TD1);
    }
    if (lines.size() != 2) {
      return Optional.empty();
    }
    String first = lines.get(0);
    boolean bothOfLength30 = first.length() == 30 && lines.get(1).length() == 30;
    if (first.startsWith("IDFRA") && !bothOfLength30) {
      return Optional.of(MrzLayout.LEGACY_FRENCH_ID);
    }
    if (first.startsWith("P") || first.length() == 44 && lines.get(1).length() == 44) {
      return Optional.of(MrzLayout.TD3);
    }
    return Optional.empty();
  }

  private static DocumentCheck unknown(List<String> lines) {
    DocumentCheckCode code = DocumentCheckCode.MRZ_FORMAT;
    if (lines.isEmpty()) {
      return DocumentCheck.failed(code, "mrz.format.none");
    }
    if (lines.size() == 2 && lines.get(0).length() == 36 && lines.get(1).length() == 36) {
      return DocumentCheck.failed(code, "mrz.format.td2");
    }
    List<String> lengths = lines.stream().map(l -> String.valueOf(l.length())).toList();
    return DocumentCheck.failed(
        code, "mrz.format.unknown", lines.size(), String.join(", ", lengths));
  }

  private static DocumentCheck characterCheck(List<String> lines) {
    List<Message> found = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (int j = 0; j < line.length(); j++) {
        char c = line.charAt(j);
        if (!isMrzCharacter(c)) {
          count++;
          if (found.size() < MAX_REPORTED_CHARACTERS) {
            found.add(Message.of("mrz.characters.one", name(c), i + 1, j + 1));
          }
        }
      }
    }
    if (count == 0) {
      return DocumentCheck.passed(DocumentCheckCode.MRZ_CHARACTERS, "mrz.characters.allowed");
    }
    return DocumentCheck.failed(
        DocumentCheckCode.MRZ_CHARACTERS,
        "mrz.characters.forbidden",
        count,
        found,
        count - found.size());
  }

  static boolean isMrzCharacter(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '<';
  }

  private static Object name(char c) {
    if (c == ' ') {
      return Message.of("mrz.characters.space");
    }
    if (c == '\t') {
      return Message.of("mrz.characters.tab");
    }
    if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)) {
      return "U+%04X".formatted((int) c);
    }
    return Message.of("mrz.characters.quoted", String.valueOf(c), "U+%04X".formatted((int) c));
  }
}
