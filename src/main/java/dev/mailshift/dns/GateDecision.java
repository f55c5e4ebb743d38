package dev.mailshift.dns;

import java.time.Duration;
import java.time.Instant;

/** Whether the MX switch may happen now, and if not, from when. */
public sealed interface GateDecision {

  /** The old TTLs have run out since {@code since}: the switch may happen. */
  record Open(Instant since) implements GateDecision {}

  /** Resolvers may still cache the old answer until {@code until}; {@code remaining} from now. */
  record Wait(Instant until, Duration remaining) implements GateDecision {}

  /** No TTL lowering was recorded for the RRset: run the TTL-lowering step first. */
  record Unstaged(String rrset) implements GateDecision {}
}
