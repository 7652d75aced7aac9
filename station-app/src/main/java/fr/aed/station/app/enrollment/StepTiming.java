package fr.aed.station.app.enrollment;

import fr.aed.station.app.store.Step;

/**
 * How long one step of an enrollment took.
 *
 * @param step the step
 * @param millis its duration in milliseconds
 * @param summary what was done
 */
public record StepTiming(Step step, double millis, String summary) {}
