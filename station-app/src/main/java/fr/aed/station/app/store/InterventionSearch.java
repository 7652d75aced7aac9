package fr.aed.station.app.store;

import java.time.LocalDate;

/**
 * What to look for among recorded interventions; null criteria are ignored.
 *
 * @param holder part of the holder's name, accents and case ignored
 * @param company part of the company's name, accents and case ignored
 * @param from first meeting day included
 * @param to last meeting day included
 * @param status OPEN, CLOSED, REFUSED or FAILED
 * @param limit the most rows to return, the most recent first
 */
public record InterventionSearch(
    String holder, String company, LocalDate from, LocalDate to, String status, int limit) {

  /** The most recent interventions, whatever they are. */
  public static InterventionSearch latest(int limit) {
    return new InterventionSearch(null, null, null, null, null, limit);
  }
}
