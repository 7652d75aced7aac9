package fr.aed.station.app.enrollment;

import fr.aed.station.app.store.Step;
import fr.aed.station.app.text.Message;
import java.time.Duration;

/** Told of each step of an enrollment as it completes, for the CLI and the GUI to show. */
@FunctionalInterface
public interface EnrollmentListener {

  /**
   * A step was completed and recorded.
   *
   * @param step the step
   * @param duration how long it took
   * @param summary one line saying what was done, to be put in the reader's language
   */
  void stepDone(Step step, Duration duration, Message summary);

  EnrollmentListener NONE = (step, duration, summary) -> {};
}
