package fr.aed.station.app.enrollment;

import java.util.List;

/** The meeting was refused by the rules; the refusal and its reasons are recorded. */
public class MeetingRefusedException extends EnrollmentException {

  private final List<String> reasons;

  public MeetingRefusedException(String interventionId, List<String> reasons) {
    super("meeting refused: " + String.join(" ", reasons), interventionId, null);
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
