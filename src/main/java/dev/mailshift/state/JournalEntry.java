package dev.mailshift.state;

import java.time.Instant;
import java.util.Optional;

/**
 * One executed (or started) step of a run: written before the step acts, finished after. An
 * entry left STARTED belongs to a run that was killed during the step.
 *
 * @param rollbackJson what undoes the step, written before it acts
 */
public record JournalEntry(
    long entryId,
    long runId,
    String stepId,
    String kind,
    String summary,
    Optional<String> rollbackJson,
    StepStatus status,
    Optional<String> detailJson,
    Instant startedAt,
    Optional<Instant> finishedAt) {}
