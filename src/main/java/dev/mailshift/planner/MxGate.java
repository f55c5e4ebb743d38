package dev.mailshift.planner;

import dev.mailshift.dns.GateDecision;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.TtlGate;
import dev.mailshift.dns.TtlLowering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the MX set may be switched now: only once the TTL the servers served before the
 * lowering (recorded by dns-ttl) has run out since the lowering was confirmed, and only while the
 * MX set is still served with at most the cutover TTL. A pure function of the recorded lowerings,
 * the served TTL and the moment asked.
 *
 * @param notBefore the earliest moment of the switch, when known
 * @param explanation why, in words, with the moment in UTC
 */
public record MxGate(State state, Optional<Instant> notBefore, String explanation) {

  public enum State {
    OPEN,
    WAIT,
    UNSTAGED
  }

  public MxGate {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * @param servedTtl the largest TTL the servers serve the MX set with now, if observed
   */
  public static MxGate decide(RrsetKey mx, List<TtlLowering> lowerings, long cutoverTtl,
      OptionalLong servedTtl, Instant now) {
    GateDecision d = new TtlGate(Clock.fixed(now, ZoneOffset.UTC)).check(mx, lowerings);
    Optional<TtlLowering> latest = lowerings.stream().filter(l -> l.key().equals(mx))
        .max(Comparator.comparing(TtlLowering::earliestSwitch));
    if (servedTtl.isPresent() && servedTtl.getAsLong() > cutoverTtl && latest.isPresent()) {
      return new MxGate(State.UNSTAGED, Optional.empty(), mx + " is served with TTL "
          + servedTtl.getAsLong() + " s again, above dns.cutover-ttl " + cutoverTtl + " s: run"
          + " a phase with dns-ttl again, then wait");
    }
    return switch (d) {
      case GateDecision.Unstaged u -> new MxGate(State.UNSTAGED, Optional.empty(),
          "the TTL of " + mx + " was never lowered: run a phase with dns-ttl first, then wait"
              + " until the old TTL has run out");
      case GateDecision.Wait w -> new MxGate(State.WAIT, Optional.of(w.until()), "not before "
          + show(w.until()) + " (in " + human(w.remaining()) + "): " + why(latest.orElseThrow()));
      case GateDecision.Open o -> new MxGate(State.OPEN, Optional.of(o.since()),
          "open since " + show(o.since()) + ": " + why(latest.orElseThrow()));
    };
  }

  private static String why(TtlLowering l) {
    return switch (l.basis()) {
      case SERVED_TTL -> "resolvers may keep the old MX set for " + l.waitSeconds()
          + " s, the TTL served when it was lowered at " + show(l.loweredAt());
      case NEGATIVE_TTL -> "resolvers may remember for " + l.waitSeconds() + " s (the zone's"
          + " negative-caching TTL) that there was no MX set, as of " + show(l.loweredAt());
    };
  }

  /** A moment for people: UTC, whole seconds, rounded up (so "not before" is never early). */
  public static String show(Instant t) {
    Instant whole = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return (whole.equals(t) ? whole : whole.plusSeconds(1)).toString();
  }

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
