package dev.mailshift.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a DNS rollback: the RRsets restored (in the order done), those still pending
 * (not attempted after a failure, in the order they would have been restored) and the failure.
 */
public record RollbackReport(
    List<Restored> restored, List<RollbackRecord> pending, Optional<DnsException> failure) {

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
  }

  public boolean complete() {
    return failure.isEmpty() && pending.isEmpty();
  }
}
