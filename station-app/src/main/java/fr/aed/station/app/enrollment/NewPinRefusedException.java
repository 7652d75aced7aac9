package fr.aed.station.app.enrollment;

import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.HolderPinRules;

/** The PIN the holder chose breaks a rule: the card is not asked anything. */
public class NewPinRefusedException extends PinUnavailableException {

  private final HolderPinRules.Problem problem;

  public NewPinRefusedException(HolderPinRules.Problem problem) {
    super(problem.english());
    this.problem = problem;
  }

  /** The rule broken. */
  public HolderPinRules.Problem problem() {
    return problem;
  }
}
