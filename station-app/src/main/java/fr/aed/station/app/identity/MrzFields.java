package fr.aed.station.app.identity;

import fr.aed.station.app.domain.IdentityDocumentType;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields read from a machine-readable zone, fillers removed. Dates that could not be read are
 * {@code null}.
 *
 * @param type the kind of document
 * @param documentCode the MRZ document code ({@code P<}, {@code ID}, {@code IR})
 * @param number the document number; for the legacy card, issue month, department and sequence
 * @param issuingState issuing state, ICAO three-letter code
 * @param surname surname, MRZ spelling (upper case, no accents, words separated by spaces)
 * @param givenNames given names, MRZ spelling
 * @param birthDate date of birth, or {@code null} if unreadable
 * @param sex {@code F}, {@code M}, or {@code X} when unspecified
 * @param expiryDate printed expiry date; for the legacy card the computed end of validity
 * @param issueDate first day of the issue month for the legacy card, {@code null} otherwise
 */
public record MrzFields(
    IdentityDocumentType type,
    String documentCode,
    String number,
    String issuingState,
    String surname,
    List<String> givenNames,
    LocalDate birthDate,
    String sex,
    LocalDate expiryDate,
    LocalDate issueDate) {

  public MrzFields {
    givenNames = List.copyOf(givenNames);
  }
}
