package fr.aed.station.app.cli;

import fr.aed.station.app.device.Pkcs11ModuleFile;
import fr.aed.station.app.device.TokenConnectors.Pkcs11Spec;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pkcs11.Pkcs11Slot;
import fr.aed.station.token.pkcs11.Pkcs11Tokens;
import fr.aed.station.token.pkcs11.Pkcs11Tokens.PresentToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@code --token pkcs11:} specification checked before a meeting opens: its module is a PKCS#11
 * library for this JVM, and the token it names by label is present (which the module tells without
 * a PIN). Other specifications are checked when their card is reached.
 */
final class TokenSpecCheck {

  private static final String PKCS11 = "pkcs11:";

  private TokenSpecCheck() {}

  /**
   * Checks {@code spec} (null: nothing given), its module and the token it names.
   *
   * @throws StationUsageException if the module is not one, or no token has the label named
   * @throws StationCommandException if the module cannot list its tokens
   */
  static void check(String spec) {
    Pkcs11Spec parsed = pkcs11(spec);
    if (parsed == null) {
      return;
    }
    List<PresentToken> present = load(parsed.module());
    if (parsed.slot() instanceof Pkcs11Slot.WithTokenLabel named) {
      requireLabel(named.label(), present, parsed.module());
    }
  }

  /**
   * Checks the module of {@code spec} only, for a batch whose tokens come later, in any slot.
   *
   * @throws StationUsageException if the module is not one, or a slot is named
   * @throws StationCommandException if the module cannot list its tokens
   */
  static void checkModule(String spec) {
    Pkcs11Spec parsed = pkcs11(spec);
    if (parsed == null) {
      return;
    }
    if (parsed.slot() != null) {
      throw new StationUsageException(
          "--token: a batch takes the tokens of every slot of "
              + parsed.module()
              + ": name no slot=, token= or index=");
    }
    load(parsed.module());
  }

  private static Pkcs11Spec pkcs11(String spec) {
    if (spec == null || !spec.startsWith(PKCS11)) {
      return null;
    }
    Pkcs11Spec parsed;
    try {
      parsed = Pkcs11Spec.parse(spec.substring(PKCS11.length()));
    } catch (IllegalArgumentException e) {
      throw new StationUsageException("--token: " + e.getMessage(), e);
    }
    Path module = parsed.module();
    Pkcs11ModuleFile.check(module)
        .ifPresent(
            problem -> {
              throw new StationUsageException("--token: " + words(problem, module));
            });
    return parsed;
  }

  // Loading runs the module's C_Initialize: done once per process, the enrollment reuses it.
  private static List<PresentToken> load(Path module) {
    try {
      return Pkcs11Tokens.of(module).present();
    } catch (ModuleNotFoundException e) {
      // Not its message: the native loader's lists the whole class path.
      throw new StationUsageException(
          "--token: " + module + " cannot be loaded as a PKCS#11 module by this station", e);
    } catch (TokenException e) {
      throw new StationCommandException(
          "the PKCS#11 module "
              + module
              + " cannot list its tokens: "
              + TokenFailureTexts.message(e, Locale.ENGLISH),
          e);
    }
  }

  private static void requireLabel(String label, List<PresentToken> present, Path module) {
    if (present.stream().anyMatch(token -> token.label().equals(label))) {
      return;
    }
    String labels =
        present.isEmpty()
            ? "none"
            : present.stream()
                .map(token -> "'" + VisibleText.of(token.label()) + "'")
                .collect(Collectors.joining(", "));
    throw new StationUsageException(
        "--token: no token labelled '"
            + label
            + "' in "
            + module
            + " (tokens present: "
            + labels
            + ")");
  }

  static String words(Pkcs11ModuleFile.Problem problem, Path module) {
    return switch (problem) {
      case MISSING -> "no PKCS#11 module at " + module + ": no such file";
      case NOT_A_FILE -> module + " is not a file: name the module's .so file";
      case UNREADABLE -> module + " cannot be read by this user";
      case NOT_A_LIBRARY -> module + " is not a shared library (.so): name a PKCS#11 module";
      case NOT_A_SHARED_LIBRARY ->
          module + " is a program or an object file, not a shared library: name a PKCS#11 module";
      case OTHER_ARCHITECTURE -> module + " is a library for another architecture than this Java's";
      case NOT_PKCS11 ->
          module + " is a shared library but not a PKCS#11 module (no C_GetFunctionList)";
    };
  }
}
