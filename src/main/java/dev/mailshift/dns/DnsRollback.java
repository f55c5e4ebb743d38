package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Restores journalled DNS changes in reverse order through a provider. Each restore is itself a
 * compare-and-swap (the RRset must still hold what mailshift wrote), so a record changed by
 * someone since is not overwritten: the rollback stops there and reports what is pending.
 * Re-running a finished or interrupted rollback is safe (RRsets already restored count as done).
 */
public final class DnsRollback {
  private final DnsProvider provider;

  public DnsRollback(DnsProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * @param records rollback records in the order the changes were applied
   */
  public RollbackReport restore(List<RollbackRecord> records) {
    List<RollbackRecord> reversed = new ArrayList<>(records).reversed();
    List<RollbackReport.Restored> restored = new ArrayList<>();
    for (int i = 0; i < reversed.size(); i++) {
      RollbackRecord record = reversed.get(i);
      if (record.previous().equals(record.written())) {
        continue; // nothing was changed by that step
      }
      try {
        DnsProvider.Outcome outcome = provider.apply(record.restore());
        restored.add(new RollbackReport.Restored(record.previous(),
            outcome == DnsProvider.Outcome.ALREADY_APPLIED));
      } catch (PrerequisiteFailedException e) {
        if (!laterState(reversed, i, e.actual())) {
          return new RollbackReport(restored, reversed.subList(i, reversed.size()), Optional.of(e));
        }
        restored.add(new RollbackReport.Restored(record.previous(), true));
      } catch (DnsException e) {
        return new RollbackReport(restored, reversed.subList(i, reversed.size()), Optional.of(e));
      }
    }
    return new RollbackReport(restored, List.of(), Optional.empty());
  }

  /**
   * True when {@code actual} is a state this rollback itself leads the RRset to at step {@code i}
   * or later: an earlier, interrupted run got there already. (Several changes can touch one RRset,
   * e.g. lowering the MX TTL, then switching MX.)
   */
  private static boolean laterState(List<RollbackRecord> reversed, int i, RrsetSnapshot actual) {
    RrsetKey key = actual.key();
    return reversed.subList(i, reversed.size()).stream()
        .filter(r -> r.previous().key().equals(key))
        .anyMatch(r -> r.previous().equals(actual));
  }
}
