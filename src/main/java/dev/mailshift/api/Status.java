package dev.mailshift.api;

import dev.mailshift.state.AccountBinding;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.JournalEntry;
import dev.mailshift.state.RunLock;
import dev.mailshift.state.RunRecord;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.StateLockedException;
import dev.mailshift.state.StateStore;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.TtlLowering;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.planner.MxGate;
import dev.mailshift.state.TtlLoweringRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.List;
import java.util.Optional;

/** Reads {@code status} out of the state store. */
final class Status {
  private Status() {}

  /**
   * @param bindings the mailboxes the plan names for its accounts, compared with the ones their
   *     state is bound to
   */
  static StatusResult read(StateStore state, List<AccountBinding> bindings, int runs) {
    List<String> accounts = bindings.stream().map(AccountBinding::account).toList();
    Optional<String> holder = holder(state);
    List<RunRecord> recent = state.journal().runs(runs);
    List<JournalEntry> steps = recent.isEmpty() ? List.of() : state.journal().journal(recent.get(0).runId());
    List<FolderCheckpoint> folders = new ArrayList<>();
    List<SkipRecord> skipped = new ArrayList<>();
    for (String account : accounts) {
      for (FolderCheckpoint cp : state.sync().checkpoints(account)) {
        folders.add(cp);
        skipped.addAll(state.sync().skipped(account, cp.sourceFolder()));
      }
    }
    return new StatusResult(state.file(), holder, recent, steps, folders, skipped,
        Optional.empty(), StateBindings.check(state, bindings));
  }

  /** The recorded lowerings of the zone and, when the plan manages MX, the switch's gate. */
  static StatusResult.DnsStatus dns(DnsSection dns, List<TtlLoweringRecord> lowerings,
      Clock clock) {
    Optional<MxGate> gate = dns.records().mx().isEmpty() ? Optional.empty()
        : Optional.of(MxGate.decide(new RrsetKey(dns.zone(), "MX"), lowerings.stream()
            .map(r -> new TtlLowering(r.name(), r.type(), r.waitSeconds(),
                TtlLowering.Basis.valueOf(r.basis()), r.loweredAt())).toList(),
            dns.cutoverTtl(), OptionalLong.empty(), clock.instant()));
    return new StatusResult.DnsStatus(dns.zone(), lowerings, gate);
  }

  /** Who holds the run lock now; taking it briefly also marks killed runs INTERRUPTED. */
  private static Optional<String> holder(StateStore state) {
    try (RunLock ignored = state.lock("status")) {
      return Optional.empty();
    } catch (StateLockedException e) {
      return Optional.of(e.holder().map(Object::toString).orElse("another process"));
    }
  }
}
