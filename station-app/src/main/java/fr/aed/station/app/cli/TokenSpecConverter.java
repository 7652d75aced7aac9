package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --token} specification; an unknown one is a usage error naming the forms. */
final class TokenSpecConverter implements ITypeConverter<TokenConnector> {

  @Override
  public TokenConnector convert(String spec) {
    try {
      return TokenConnectors.fromSpec(spec);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
