package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.token.TokenException;

/**
 * The officer's card for one run: the card the officer unlocked for the session (kept open, not
 * closed by the run), else in the testers' mode the demonstration officer card of the data
 * directory, else none.
 *
 * @param credential the card, or null when there is none
 * @param ownedByTheRun whether the run closes it (the session keeps its own)
 */
record RunOfficer(OfficerCredential credential, boolean ownedByTheRun) implements AutoCloseable {

  /** The card that signs for {@code officer} in this window's session. */
  static RunOfficer of(StationContext context, Officer officer) throws TokenException {
    if (context.officer().credential().isPresent()) {
      return new RunOfficer(context.officer().credential().get(), false);
    }
    return new RunOfficer(
        context.testersMode()
            ? DemoOfficerCard.open(context.databaseFile().resolveSibling("demo-officer"), officer)
            : null,
        true);
  }

  @Override
  public void close() {
    if (ownedByTheRun && credential != null) {
      credential.close();
    }
  }
}
