package fr.aed.station.app.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * The holder's names and birth date as a machine-readable zone writes them, with what the zone may
 * have left out, for comparison with the names printed in the document's visual zone.
 *
 * @param surname the surname, MRZ spelling
 * @param givenNames the given names, MRZ spelling
 * @param birthDate the birth date, or {@code null} when unreadable
 * @param truncated the name field is full, so the last name written may be cut short
 * @param firstGivenNamesOnly the layout has room for the first given names only (the French ID card
 *     of 1988-2021)
 */
public record ZoneNames(
    String surname,
    List<String> givenNames,
    LocalDate birthDate,
    boolean truncated,
    boolean firstGivenNamesOnly) {

  public ZoneNames {
    givenNames = List.copyOf(givenNames);
  }
}
