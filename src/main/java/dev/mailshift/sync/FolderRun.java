package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.AppendIntent;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.PurgeResult;
import dev.mailshift.state.SyncStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One attempt at syncing one folder on one pair of sessions. Idempotent: every step first reads
 * what the store says is done, so an attempt cut off anywhere (drop, kill) is finished by the
 * next. Order: STATUS both (stop if unchanged), drop stale state, settle leftover append intents,
 * match by content where no checkpoint is usable, copy new messages, carry flags and deletions,
 * drop the skip records of messages the source has expunged, save the checkpoint.
 */
final class FolderRun {
  private final SyncStore store;
  private final SyncOptions options;
  private final SyncListener listener;
  private final Clock clock;
  private final FolderPair pair;
  private final ImapSession source;
  private final ImapSession destinationSession;
  private final Tally tally;
  private final java.util.Map<Long, String> duplicates;
  private final Removals removals;

  FolderRun(SyncStore store, SyncOptions options, SyncListener listener, Clock clock,
      FolderPair pair, ImapSession source, ImapSession destination, Tally tally,
      java.util.Map<Long, String> duplicates, Removals removals) {
    this.store = store;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.pair = pair;
    this.source = source;
    this.destinationSession = destination;
    this.tally = tally;
    this.duplicates = duplicates;
    this.removals = removals;
  }

  void run() {
    FolderStatus sourceStatus = source.status(pair.sourceFolder());
    FolderStatus destinationStatus = destinationSession.status(pair.destinationFolder());
    Optional<FolderCheckpoint> saved = store.checkpoint(pair.account(), pair.sourceFolder());
    SkipRules rules = new SkipRules(options, destinationSession.info().appendLimit(),
        clock.instant()).withDuplicates(duplicates);
    if (saved.filter(cp -> Unchanged.byStatus(cp, pair, source, sourceStatus, destinationStatus))
        .isPresent() && store.intents(pair.account(), pair.sourceFolder()).isEmpty()
        && Unchanged.skipsStand(store, pair, saved.get().sourceUidValidity(), rules)) {
      return;
    }
    FolderStatus sourceOpen = source.examine(pair.sourceFolder());
    if (sourceOpen.uidValidity() != sourceStatus.uidValidity()) {
      throw new FolderChangedException(pair.sourceFolder(), sourceStatus.uidValidity(),
          sourceOpen.uidValidity());
    }
    FolderKey key = new FolderKey(pair, sourceOpen.uidValidity(), destinationStatus.uidValidity());
    purgeStale(key);
    Destination destination = new Destination(destinationSession, pair.destinationFolder(),
        key.destinationUidValidity(), false);
    List<AppendIntent> leftover = store.intents(pair.account(), pair.sourceFolder());
    Set<Long> resolved = leftover.isEmpty() ? Set.of()
        : new IntentResolver(store, key, destination).resolve(leftover, mappedSourceUids(key, 0));
    tally.adopted += resolved.size();
    boolean adopted = !resolved.isEmpty();
    if (store.checkpoint(pair.account(), pair.sourceFolder()).isEmpty()) {
      adopted |= new ContentAdopter(store, key, tally)
          .adopt(source, destination, destinationStatus.messages()) > 0;
      store.saveCheckpoint(FolderCheckpoint.fresh(pair.account(), pair.sourceFolder(),
          key.sourceUidValidity(), pair.destinationFolder(), key.destinationUidValidity()));
    }
    FolderCheckpoint start = store.checkpoint(pair.account(), pair.sourceFolder()).orElseThrow();
    boolean complete = new MessageCopier(store, key, source, destination, rules, listener, tally)
        .copyNew(start.lastUid(), mappedSourceUids(key, start.lastUid()));
    boolean condstore = Unchanged.condstore(source, sourceOpen);
    OptionalLong changedSince = !adopted && condstore && start.uidNext() > 0
        ? start.highestModseq() : OptionalLong.empty();
    FlagMirror mirror = new FlagMirror(store, key, source, destination, options, removals, tally);
    long heldBack = mirror.run(changedSince);
    tally.removalsHeldBack = heldBack;
    forgetVanishedSkips(key, mirror.sourceUids());
    saveCheckpoint(key, sourceOpen, complete, heldBack == 0, condstore);
  }

  private void purgeStale(FolderKey key) {
    PurgeResult purged = store.purgeStale(pair.account(), pair.sourceFolder(),
        key.sourceUidValidity(), pair.destinationFolder(), key.destinationUidValidity());
    if (purged.droppedCheckpoint().isPresent() || purged.mappings() > 0) {
      String reason = purged.droppedCheckpoint().map(old -> Unchanged.whyInvalid(old, key))
          .orElse("mappings of other folder identities") + ": dropped the checkpoint and "
          + purged.mappings() + " message mappings; the folder was matched by content instead";
      tally.warnings.add(reason);
      listener.checkpointReset(pair, reason);
    }
  }

  /**
   * Drops the skip records of messages expunged on the source since they were recorded, so that
   * plan, apply and status stop listing them as not copied; the UIDs the flag step saw answer
   * when it fetched them all, else one UID SEARCH does. After the copy and flag steps, so it also
   * covers a skip this run recorded for a message expunged meanwhile. The records of present
   * messages are untouched, and a kill before or after the one transaction only leaves the work
   * to the next run: nothing the plan selects can be left out by it.
   */
  private void forgetVanishedSkips(FolderKey key, Optional<Set<Long>> sourceUids) {
    Set<Long> gone = VanishedSkips.among(source,
        VanishedSkips.recorded(store, pair, key.sourceUidValidity()), sourceUids);
    if (!gone.isEmpty()) {
      store.forgetSkips(pair.account(), pair.sourceFolder(), key.sourceUidValidity(), gone);
      tally.skipped.removeIf(s -> gone.contains(s.uid()));
    }
  }

  /** Mapped source UIDs above {@code aboveUid}: only those can be among the UIDs still to do. */
  private Set<Long> mappedSourceUids(FolderKey key, long aboveUid) {
    return store.mappedSourceUids(pair.account(), pair.sourceFolder(), key.sourceUidValidity(),
        aboveUid);
  }

  /**
   * @param settled no removal was held back: only then may the next run pass the folder over by
   *     its STATUS alone (the held-back copies would otherwise stay until the folder changes)
   */
  private void saveCheckpoint(FolderKey key, FolderStatus sourceOpen, boolean complete,
      boolean settled, boolean condstore) {
    FolderCheckpoint now = store.checkpoint(pair.account(), pair.sourceFolder()).orElseThrow();
    SyncStore.MappingTotals mapped = store.mappingTotals(pair.account(), pair.sourceFolder(),
        key.sourceUidValidity());
    // Every UID below the UIDNEXT seen at EXAMINE was fetched above; if all were handled, even
    // UIDs that were expunged meanwhile are behind us for good (UIDs are never reused).
    long lastUid = complete ? Math.max(now.lastUid(), sourceOpen.uidNext() - 1) : now.lastUid();
    store.saveCheckpoint(new FolderCheckpoint(pair.account(), pair.sourceFolder(),
        key.sourceUidValidity(), pair.destinationFolder(), key.destinationUidValidity(), lastUid,
        complete && settled ? sourceOpen.uidNext() : 0, sourceOpen.messages(),
        condstore ? sourceOpen.highestModseq() : OptionalLong.empty(),
        Optional.of(clock.instant()), mapped.messages(), mapped.bytes()));
  }
}
