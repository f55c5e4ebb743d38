package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Restores journalled DNS changes in reverse order through a provider, then waits until every
 * authoritative server answers each restored RRset. Each restore is itself a compare-and-swap (the
 * RRset must still hold what mailshift wrote), so a record changed by someone since is not
 * overwritten: the rollback stops there and reports what is pending. Re-running a finished or
 * interrupted rollback is safe (RRsets already restored count as done, and are waited for again).
 */
public final class DnsRollback {
  private final DnsProvider provider;
  private final PropagationWait propagation;

  /** @param propagation how to wait for the zone's servers (the zone's propagation timeout) */
  public DnsRollback(DnsProvider provider, PropagationWait propagation) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.propagation = Objects.requireNonNull(propagation, "propagation");
  }

  /**
   * Restores, then waits for the servers. Only each RRset's final state is waited for, once all
   * restores are made: a secondary takes the primary's zone versions in serial order and may
   * condense several into one (RFC 1995 sections 2 and 5), so the final state is what every
   * server ends at, and a rollback that touches one RRset twice (the MX switch, then the TTL
   * lowering) costs one wait, not two.
   *
   * @param records rollback records in the order the changes were applied
   */
  public RollbackReport restore(List<RollbackRecord> records) {
    RollbackReport report = write(records);
    return report.withUnserved(awaitServed(report.restored()));
  }

  private RollbackReport write(List<RollbackRecord> records) {
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

  /** The RRsets not (yet) answered by every server after the wait, each with who lags. */
  private List<RollbackReport.Unserved> awaitServed(List<RollbackReport.Restored> restored) {
    Map<RrsetKey, RrsetSnapshot> last = new LinkedHashMap<>();
    restored.forEach(r -> last.put(r.previous().key(), r.previous()));
    List<RollbackReport.Unserved> out = new ArrayList<>();
    for (RrsetSnapshot expected : last.values()) {
      if (Thread.currentThread().isInterrupted()) {
        out.add(new RollbackReport.Unserved(expected, "not checked: the rollback was interrupted"));
        continue;
      }
      try {
        PropagationResult result = propagation.await(expected);
        if (!result.complete()) {
          out.add(new RollbackReport.Unserved(expected, String.join("\n", result.servers()
              .stream().filter(server -> !server.matches())
              .map(server -> server.server() + " serves " + server.detail()).toList())));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(new RollbackReport.Unserved(expected, "not checked: the rollback was interrupted"));
      }
    }
    return out;
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
