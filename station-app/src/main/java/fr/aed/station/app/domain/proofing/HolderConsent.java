package fr.aed.station.app.domain.proofing;

import java.time.LocalDateTime;

/**
 * The holder's informed agreement, given on the holder's screen (TS 119 461 INI-8.1-01X, -03X; EN
 * 319 411-1 REG-6.3.4-10A, -11A).
 *
 * @param notice the version of the information notice the holder read
 * @param acceptedAt when the holder accepted it
 */
public record HolderConsent(String notice, LocalDateTime acceptedAt) {

  /** The version of the information notice this station shows the holder. */
  public static final String CURRENT_NOTICE = "2026-12";
}
