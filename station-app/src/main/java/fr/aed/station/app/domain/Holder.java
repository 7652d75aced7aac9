package fr.aed.station.app.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The future certificate holder: the natural person named in the certificate.
 *
 * @param surname family name as on the identity document, accents kept
 * @param givenNames given names in order, the first is the usual one
 * @param birthDate date of birth
 * @param birthPlace place of birth (town, and country when abroad)
 * @param email e-mail address, put in the request's subjectAltName
 * @param phone phone number
 */
public record Holder(
    String surname,
    List<String> givenNames,
    LocalDate birthDate,
    String birthPlace,
    String email,
    String phone) {

  public Holder {
    givenNames = List.copyOf(givenNames);
    // The request's givenName and CN take the first one: a holder without one has no name there.
    if (givenNames.isEmpty() || givenNames.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("the holder has at least one given name, none blank");
    }
    if (birthDate != null
        && (birthDate.getYear() < EARLIEST_BIRTH_YEAR || birthDate.getYear() > LATEST_YEAR)) {
      throw new IllegalArgumentException(
          "the birth date " + birthDate + " is not a date of birth of a living person");
    }
  }

  private static final int EARLIEST_BIRTH_YEAR = 1900;
  private static final int LATEST_YEAR = 2100;

  /** The usual given name: the first one. */
  public String firstGivenName() {
    return givenNames.get(0);
  }

  /** Given name then surname, as printed on the sheet and in the request's CN. */
  public String fullName() {
    return firstGivenName() + " " + surname;
  }
}
