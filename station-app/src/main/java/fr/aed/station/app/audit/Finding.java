package fr.aed.station.app.audit;

import fr.aed.station.app.text.Message;
import java.time.Instant;
import java.util.Optional;

/**
 * The audit's finding for one requirement.
 *
 * @param requirement the requirement judged
 * @param verdict met, not met, or not applicable
 * @param evidence what the record shows, or why the requirement does not apply, as a message
 * @param at when the journal recorded that evidence; empty when nothing was recorded
 */
public record Finding(
    Requirement requirement, Verdict verdict, Message evidence, Optional<Instant> at) {}
