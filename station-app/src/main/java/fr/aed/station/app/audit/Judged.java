package fr.aed.station.app.audit;

import fr.aed.station.app.text.Message;

/** A verdict and the words of its evidence, before the audit dates it. */
record Judged(Verdict verdict, Message evidence) {

  static Judged met(String key, Object... arguments) {
    return new Judged(Verdict.MET, Message.of(key, arguments));
  }

  static Judged notMet(String key, Object... arguments) {
    return new Judged(Verdict.NOT_MET, Message.of(key, arguments));
  }

  static Judged notApplicable(String key, Object... arguments) {
    return new Judged(Verdict.NOT_APPLICABLE, Message.of(key, arguments));
  }
}
