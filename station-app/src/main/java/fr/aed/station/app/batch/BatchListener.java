package fr.aed.station.app.batch;

/** Told of a batch's progress, to show it to the officer. */
public interface BatchListener {

  /** Nothing shown. */
  BatchListener NONE = new BatchListener() {};

  /** The batch waits for the card of dossier {@code index} of {@code total}. */
  default void waitingForCard(int index, int total, BatchDossier dossier) {}

  /** Dossier {@code outcome.index()} of {@code total} ended. */
  default void finished(DossierOutcome outcome, int total) {}

  /** The batch waits for the card just used to be taken out. */
  default void waitingForRemoval(String reader) {}
}
