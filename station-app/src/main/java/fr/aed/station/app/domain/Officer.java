package fr.aed.station.app.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The registration officer (opérateur d'AED) who meets the holder.
 *
 * @param name full name
 * @param office the office (étude) name
 * @param address the office's postal address
 * @param aedIdentifier the identifier given by the certificate authority to the officer
 * @param trainedOn the day of the officer's last training on documents, fraud and data protection
 *     (TS 119 461 VAL-8.3.3-14X, -15X: refreshed at least once a year)
 * @param accreditation the certificate authority's reference of the officer's accreditation
 */
public record Officer(
    String name,
    String office,
    String address,
    String aedIdentifier,
    LocalDate trainedOn,
    String accreditation) {

  /** The training is refreshed at least this often. */
  public static final Period TRAINING_VALIDITY = Period.ofYears(1);

  /** The officer is told this long before the training runs out. */
  public static final Period TRAINING_WARNING = Period.ofMonths(1);

  /** The last day the officer's training allows a meeting. */
  public LocalDate trainingValidUntil() {
    return trainedOn.plus(TRAINING_VALIDITY);
  }
}
