package fr.aed.station.app.enrollment;

import fr.aed.station.app.store.Step;

/**
 * How long one step of an enrollment took.
 *
 * @param step the step
 * @param millis its duration in milliseconds
 * @param summary what was done, in French (the command line's words)
 */
public record StepTiming(Step step, double millis, String summary) {}
