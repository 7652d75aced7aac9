package fr.aed.station.app.cli;

import fr.aed.station.crypto.pades.HttpTimestampAuthority;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.token.KeyType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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

  @Option(
      names = "--tsa",
      paramLabel = "URL",
      description = {
        "RFC 3161 timestamp authority: the officer's signature is timestamped (PAdES baseline T).",
        "If it gives no timestamp, the sheet stays unsigned and the meeting open, to be resumed."
      })
  URI tsa;

  /** The timestamp authority asked for, if any. */
  Optional<TimestampAuthority> timestamps() {
    try {
      return Optional.ofNullable(tsa).map(url -> new HttpTimestampAuthority(url, TSA_TIMEOUT));
    } catch (IllegalArgumentException e) {
      throw new StationCommandException("--tsa: " + e.getMessage(), e);
    }
  }

  static final Duration TSA_TIMEOUT = Duration.ofSeconds(15);

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
