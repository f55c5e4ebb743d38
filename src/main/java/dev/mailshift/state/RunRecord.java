package dev.mailshift.state;

import java.time.Instant;
import java.util.Optional;

/** One row of the run history. {@code finishedAt} and {@code summary} are empty while RUNNING. */
public record RunRecord(
    long runId,
    String planName,
    String planSha256,
    String phase,
    String command,
    Instant startedAt,
    Optional<Instant> finishedAt,
    RunOutcome outcome,
    Optional<String> summary) {}
