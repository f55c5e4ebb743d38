package dev.mailshift.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Polls every authoritative server until all answer the expected RRset (same records and TTL) or
 * a timeout passes. Time comes from the injected {@link Clock} and waiting goes through the
 * injected {@link Sleeper}, so tests run it on a fake clock. A server that fails to answer in a
 * round counts as not yet propagated, not as a failure.
 */
public final class PropagationCheck {
  private final ZoneReader reader;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;

  public PropagationCheck(ZoneReader reader, Clock clock, Sleeper sleeper, Duration pollInterval) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive");
    }
    this.pollInterval = pollInterval;
  }

  /**
   * Polls until every server in {@code servers} serves {@code expected}, or {@code timeout} has
   * passed on the clock.
   */
  public PropagationResult await(
      List<NameServer> servers, RrsetSnapshot expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    Map<String, PropagationResult.ServerState> states = new LinkedHashMap<>();
    List<NameServer> pending = new ArrayList<>(servers);
    int rounds = 0;
    while (true) {
      rounds++;
      for (NameServer server : List.copyOf(pending)) {
        PropagationResult.ServerState state = poll(server, expected);
        states.put(server.label(), state);
        if (state.matches()) {
          pending.remove(server);
        }
      }
      Instant now = clock.instant();
      if (pending.isEmpty() || !now.isBefore(deadline)) {
        return new PropagationResult(expected, pending.isEmpty(), now, rounds,
            List.copyOf(states.values()));
      }
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
    }
  }

  private PropagationResult.ServerState poll(NameServer server, RrsetSnapshot expected) {
    try {
      RrsetSnapshot served = reader.read(server, expected.key());
      return new PropagationResult.ServerState(server.label(), served.equals(expected),
          String.join(" | ", served.lines()));
    } catch (DnsException e) {
      return new PropagationResult.ServerState(server.label(), false, e.getMessage());
    }
  }
}
