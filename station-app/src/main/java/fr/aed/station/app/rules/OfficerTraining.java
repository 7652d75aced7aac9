package fr.aed.station.app.rules;

import fr.aed.station.app.domain.Officer;
import java.time.LocalDate;

/**
 * Where the officer's yearly training stands on a day (TS 119 461 VAL-8.3.3-14X, -15X): a meeting
 * is refused once it is more than a year old, and the officer is told a month before.
 */
public enum OfficerTraining {
  /** Trained less than eleven months ago. */
  CURRENT,
  /** The year runs out within a month: the officer is told at sign-in. */
  EXPIRES_SOON,
  /** Trained more than a year ago (or in the future, a typing error): no meeting. */
  EXPIRED;

  /** Where {@code officer}'s training stands on {@code day}. */
  public static OfficerTraining of(Officer officer, LocalDate day) {
    LocalDate trained = officer.trainedOn();
    LocalDate until = officer.trainingValidUntil();
    if (trained.isAfter(day) || day.isAfter(until)) {
      return EXPIRED;
    }
    return day.isAfter(until.minus(Officer.TRAINING_WARNING)) ? EXPIRES_SOON : CURRENT;
  }
}
