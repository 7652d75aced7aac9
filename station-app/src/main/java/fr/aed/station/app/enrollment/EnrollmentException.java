package fr.aed.station.app.enrollment;

/**
 * An enrollment stopped. What was recorded before stays recorded; the message says what happened
 * and what to do.
 */
public class EnrollmentException extends Exception {

  private final String interventionId;

  public EnrollmentException(String message, String interventionId, Throwable cause) {
    super(message, cause);
    this.interventionId = interventionId;
  }

  /** The intervention recorded so far, or null if the meeting was not recorded at all. */
  public String interventionId() {
    return interventionId;
  }
}
