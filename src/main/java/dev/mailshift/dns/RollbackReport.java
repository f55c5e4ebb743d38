package dev.mailshift.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a DNS rollback: the RRsets restored (in the order done), those still pending
 * (not attempted after a failure, in the order they would have been restored), the failure, and
 * the restored RRsets that not every authoritative server answered by the end of the wait.
 */
public record RollbackReport(
    List<Restored> restored, List<RollbackRecord> pending, Optional<DnsException> failure,
    List<Unserved> unserved) {

  /**
   * A restored RRset some server did not answer in time; {@code lagging} names each such server
   * and what it served.
   */
  public record Unserved(RrsetSnapshot restored, String lagging) {
    public Unserved {
      Objects.requireNonNull(restored, "restored");
      Objects.requireNonNull(lagging, "lagging");
    }
  }

  /** One RRset restored; {@code alreadyRestored} when it held the previous state already. */
  public record Restored(RrsetSnapshot previous, boolean alreadyRestored) {
    public Restored {
      Objects.requireNonNull(previous, "previous");
    }
  }

  public RollbackReport {
    restored = List.copyOf(restored);
    pending = List.copyOf(pending);
    Objects.requireNonNull(failure, "failure");
    unserved = List.copyOf(unserved);
  }

  /** Before the wait for the servers. */
  RollbackReport(List<Restored> restored, List<RollbackRecord> pending,
      Optional<DnsException> failure) {
    this(restored, pending, failure, List.of());
  }

  RollbackReport withUnserved(List<Unserved> lagging) {
    return new RollbackReport(restored, pending, failure, lagging);
  }

  /** Everything restored, and answered by every authoritative server. */
  public boolean complete() {
    return failure.isEmpty() && pending.isEmpty() && unserved.isEmpty();
  }
}
