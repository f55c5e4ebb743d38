package dev.mailshift.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The TTL wait gate before the MX switch: open once the TTL served before the lowering has run
 * out since the lowering was confirmed. A pure function of the recorded lowerings and the injected
 * clock.
 */
public final class TtlGate {
  private final Clock clock;

  public TtlGate(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param key the RRset about to change (the MX set)
   * @param lowerings every recorded lowering; those for {@code key} count, the latest wait wins
   */
  public GateDecision check(RrsetKey key, List<TtlLowering> lowerings) {
    Instant earliest = lowerings.stream()
        .filter(l -> l.key().equals(key))
        .map(TtlLowering::earliestSwitch)
        .max(Comparator.naturalOrder())
        .orElse(null);
    if (earliest == null) {
      return new GateDecision.Unstaged(key.toString());
    }
    Instant now = clock.instant();
    if (now.isBefore(earliest)) {
      return new GateDecision.Wait(earliest, Duration.between(now, earliest));
    }
    return new GateDecision.Open(earliest);
  }
}
