package fr.aed.station.app.cli;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;

/** The officer a recorded meeting names, whose card the later commands open. */
final class Officers {

  private Officers() {}

  /**
   * @throws StationCommandException if there is no such meeting or its record cannot be read
   */
  static Officer recorded(InterventionStore store, String interventionId) {
    try {
      InterventionState state =
          store
              .state(interventionId)
              .orElseThrow(
                  () ->
                      new StationCommandException(
                          "no intervention " + interventionId + ": see `station list`"));
      return EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson())
          .meeting()
          .officer();
    } catch (StoreException | DossierFileException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }
}
