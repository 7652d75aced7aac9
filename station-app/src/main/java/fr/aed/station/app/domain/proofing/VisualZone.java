package fr.aed.station.app.domain.proofing;

import java.time.LocalDate;
import java.util.List;

/**
 * The names and birth date as printed in the document's visual zone, typed by the officer with
 * their accents (the MRZ has none).
 *
 * @param surname the surname as printed
 * @param givenNames the given names as printed, in order
 * @param birthDate the birth date as printed
 */
public record VisualZone(String surname, List<String> givenNames, LocalDate birthDate) {

  public VisualZone {
    givenNames = List.copyOf(givenNames);
  }
}
