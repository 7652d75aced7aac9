package fr.aed.station.app.store;

import java.util.Map;

/**
 * What one step records: its journal detail and the intervention fields it fills in.
 *
 * @param step the step reached
 * @param detail the journal event's detail (no secret, no more personal data than the rules need)
 * @param fields the intervention's columns set by this step
 */
public record StepRecord(
    Step step, Map<String, String> detail, Map<InterventionField, String> fields) {

  public StepRecord {
    detail = Map.copyOf(detail);
    fields = Map.copyOf(fields);
  }

  public static StepRecord of(Step step, Map<String, String> detail) {
    return new StepRecord(step, detail, Map.of());
  }
}
