package fr.aed.station.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every date option (YYYY-MM-DD) of the command line, between 1900 and 2199: the station's
 * dates are meeting days, document validities and retention ends. A date such as +999999999-12-31
 * parses, then overflows in the first computation that adds years to it.
 */
final class CommandDates implements ITypeConverter<LocalDate> {

  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2199;

  @Override
  public LocalDate convert(String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a date: use YYYY-MM-DD");
    }
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      throw new TypeConversionException(
          "'" + value + "' is out of range: give a date from 1900 to 2199");
    }
    return date;
  }
}
