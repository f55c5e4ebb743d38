package dev.mailshift.api;

import dev.mailshift.change.RrsetValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code rollback}: which runs' DNS changes were undone, the RRsets restored (in
 * the order done; {@code alreadyRestored} when one held its old records already, e.g. after an
 * interrupted rollback), those still pending, why the rollback stopped, and the restored RRsets
 * that not every authoritative server answered within the propagation timeout. Safe to run again.
 */
public record RollbackResult(
    String zone,
    List<Long> runs,
    List<Restored> restored,
    List<Pending> pending,
    Optional<String> failure,
    List<Unserved> unserved) {

  public RollbackResult {
    Objects.requireNonNull(zone, "zone");
    runs = List.copyOf(runs);
    restored = List.copyOf(restored);
    pending = List.copyOf(pending);
    Objects.requireNonNull(failure, "failure");
    unserved = List.copyOf(unserved);
  }

  /**
   * One RRset restored on the primary that some servers did not answer in time: {@code lagging}
   * names each and what it served.
   */
  public record Unserved(String name, String type, RrsetValue value, String lagging) {}

  /** One RRset back to what it held before mailshift changed it. */
  public record Restored(String name, String type, RrsetValue value, boolean alreadyRestored) {}

  /**
   * One RRset not restored: mailshift {@code wrote} it, and it {@code previous}ly held the other.
   */
  public record Pending(String name, String type, RrsetValue wrote, RrsetValue previous) {}

  /** Everything restored and answered by every authoritative server. */
  public boolean complete() {
    return pending.isEmpty() && failure.isEmpty() && unserved.isEmpty();
  }
}
