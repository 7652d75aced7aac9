package fr.aed.station.app.cli;

import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that enroll: algorithm, output folder, JSON output. */
final class EnrollmentOptions {

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      converter = KeyTypeConverter.class,
      defaultValue = "rsa2048",
      description =
          "Key pair to generate: rsa2048, rsa3072, p256 or p384 (default: ${DEFAULT-VALUE}).")
  KeyType keyType;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the request (PEM) and the sheet (PDF).")
  Path out;

  @Option(names = "--json", description = "Print one JSON object instead of the steps.")
  boolean json;

  static final class KeyTypeConverter implements picocli.CommandLine.ITypeConverter<KeyType> {
    @Override
    public KeyType convert(String value) {
      try {
        return KeyType.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
