package dev.mailshift.api;

import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.state.BindingCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of {@code plan}: the change set and everything observed to make it (folder maps
 * with reasons, per-folder diffs, skipped messages; for DNS steps the servers, their
 * disagreements, confirmation reasons and the MX gate), for rendering as text or JSON.
 *
 * @param deletionCeiling with {@code messages.deletions: mirror}, the most removals one apply run
 *     may make ({@code messages.deletion-ceiling}); empty when nothing is ever removed
 * @param bindings per account, how the mailboxes its state describes compare with the plan's;
 *     where they differ, the diffs were made as if the account had no state
 */
public record PlanResult(ChangeSet changeSet, List<AccountObservation> accounts,
    Optional<DnsPlan> dns, List<RateLimit> rateLimits, OptionalInt deletionCeiling,
    List<BindingCheck> bindings) {
  public PlanResult {
    Objects.requireNonNull(changeSet, "changeSet");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(dns, "dns");
    rateLimits = List.copyOf(rateLimits);
    Objects.requireNonNull(deletionCeiling, "deletionCeiling");
    bindings = List.copyOf(bindings);
  }

  public PlanResult(ChangeSet changeSet, List<AccountObservation> accounts,
      Optional<DnsPlan> dns, List<RateLimit> rateLimits) {
    this(changeSet, accounts, dns, rateLimits, OptionalInt.empty(), List.of());
  }

  /** The binding check of {@code account}, if the plan made one. */
  public Optional<BindingCheck> binding(String account) {
    return bindings.stream().filter(b -> b.wanted().account().equals(account)).findFirst();
  }

  public PlanResult(ChangeSet changeSet, List<AccountObservation> accounts,
      Optional<DnsPlan> dns) {
    this(changeSet, accounts, dns, List.of());
  }

  public PlanResult(ChangeSet changeSet, List<AccountObservation> accounts) {
    this(changeSet, accounts, Optional.empty());
  }

  /**
   * A server's {@code limits.bytes-per-second} and {@code messages-per-second} (0 = unlimited),
   * which pace its accounts together.
   */
  public record RateLimit(String server, long bytesPerSecond, int messagesPerSecond) {
    public RateLimit {
      Objects.requireNonNull(server, "server");
    }
  }

  /** Totals over all accounts. */
  public Summary summary() {
    long creates = changeSet.changes().stream()
        .filter(c -> c instanceof dev.mailshift.change.CreateFolder).count();
    long copy = 0;
    long bytes = 0;
    long adopt = 0;
    long flags = 0;
    long deletions = 0;
    long skipped = 0;
    for (var c : changeSet.changes()) {
      if (c instanceof SyncFolder s) {
        copy += Math.max(0, s.messagesToCopy());
        bytes += Math.max(0, s.bytesToCopy());
        adopt += Math.max(0, s.messagesToAdopt());
        flags += Math.max(0, s.flagUpdates());
        deletions += Math.max(0, s.deletions());
        skipped += Math.max(0, s.skipped());
      }
    }
    return new Summary(accounts.size(), creates, copy, bytes, adopt, flags, deletions, skipped);
  }

  /**
   * Whether the removals seen now exceed the deletion ceiling: an apply run would then stop before
   * changing anything.
   */
  public boolean overDeletionCeiling() {
    return deletionCeiling.isPresent() && summary().deletions() > deletionCeiling.getAsInt();
  }

  public boolean hasChanges() {
    Summary s = summary();
    return s.foldersToCreate() + s.messagesToCopy() + s.messagesToAdopt() + s.flagUpdates()
            + s.deletions() > 0 || dns.map(DnsPlan::writes).orElse(false);
  }

  /** Plan totals. */
  public record Summary(
      int accounts,
      long foldersToCreate,
      long messagesToCopy,
      long bytesToCopy,
      long messagesToAdopt,
      long flagUpdates,
      long deletions,
      long skipped) {}
}
