package fr.aed.station.app.enrollment;

import fr.aed.station.app.text.Message;
import java.util.List;

/** The meeting was refused by the rules; the refusal and its reasons are recorded. */
public class MeetingRefusedException extends EnrollmentException {

  private final List<Message> messages;

  public MeetingRefusedException(String interventionId, List<Message> messages) {
    super(
        "meeting refused: " + String.join(" ", messages.stream().map(Message::inFrench).toList()),
        interventionId,
        null);
    this.messages = List.copyOf(messages);
  }

  /** Every reason, as a message of the catalogue, to be put in the reader's language. */
  public List<Message> messages() {
    return messages;
  }

  /** Every reason in French, the station's own language (the command line's default). */
  public List<String> reasons() {
    return messages.stream().map(Message::inFrench).toList();
  }
}
