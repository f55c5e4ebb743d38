package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Computes what a sync of one folder would do, touching nothing: STATUS, EXAMINE and FETCH on
 * both sides, reads of the store. Adoptions by content are estimated from Message-ID and size
 * (apply confirms them by hash), so {@code toAdopt} is an upper bound.
 */
final class FolderDiffer {
  private final SyncStore store;
  private final SyncOptions options;
  private final Clock clock;
  private final Map<Long, String> duplicates;

  FolderDiffer(SyncStore store, SyncOptions options, Clock clock, Map<Long, String> duplicates) {
    this.store = store;
    this.options = options;
    this.clock = clock;
    this.duplicates = duplicates;
  }

  FolderDiff diff(ImapSession source, ImapSession destination, FolderPair pair) {
    FolderStatus sourceStatus = source.status(pair.sourceFolder());
    Optional<FolderStatus> destinationStatus = status(destination, pair.destinationFolder());
    SkipRules rules = new SkipRules(options, destination.info().appendLimit(), clock.instant())
        .withDuplicates(duplicates);
    Optional<FolderCheckpoint> cp = store.checkpoint(pair.account(), pair.sourceFolder());
    if (destinationStatus.isPresent() && cp.filter(c -> Unchanged.byStatus(c, pair, source,
        sourceStatus, destinationStatus.get())).isPresent()
        && store.intents(pair.account(), pair.sourceFolder()).isEmpty()
        && Unchanged.skipsStand(store, pair, cp.get().sourceUidValidity(), rules)) {
      return new FolderDiff(pair, true, sourceStatus.messages(), 0, 0, 0, 0, 0,
          recorded(pair, cp.get().sourceUidValidity(), Set.of()), true);
    }
    FolderStatus sourceOpen = source.examine(pair.sourceFolder());
    Optional<FolderCheckpoint> valid = destinationStatus.flatMap(d -> cp.filter(c ->
        c.matches(sourceOpen.uidValidity(), pair.destinationFolder(), d.uidValidity())));
    Map<Long, UidMapping> mapped = new HashMap<>();
    if (valid.isPresent()) {
      store.mappings(pair.account(), pair.sourceFolder(), sourceOpen.uidValidity()).stream()
          .filter(m -> m.destinationFolder().equals(pair.destinationFolder())
              && m.destinationUidValidity() == valid.get().destinationUidValidity())
          .forEach(m -> mapped.put(m.sourceUid(), m));
    }
    List<SkipRecord> knownSkips = valid.isEmpty() ? List.of()
        : store.skipped(pair.account(), pair.sourceFolder()).stream()
            .filter(s -> s.sourceUidValidity() == sourceOpen.uidValidity()).toList();
    long lastUid = valid.map(FolderCheckpoint::lastUid).orElse(0L);
    PendingScan scan = PendingScan.of(pair, source, knownSkips, mapped.keySet(), lastUid, rules);
    List<MessageMeta> pending = scan.pending();
    rules = scan.rules();
    Set<Long> likelyAdopted = new HashSet<>();
    if (destinationStatus.isPresent() && valid.isEmpty()) {
      likelyAdopted = likelyAdopted(destination, pair, destinationStatus.get(), pending);
    }
    FolderDiff diff = summarize(pair, destinationStatus.isPresent(), sourceOpen, pending,
        likelyAdopted, rules, flagWork(source, destination, pair, valid, mapped));
    if (valid.isEmpty()) {
      return diff;
    }
    Set<Long> decidedNow = new HashSet<>();
    pending.forEach(m -> decidedNow.add(m.uid()));
    List<SkippedMessage> skipped = new ArrayList<>(diff.skipped());
    List<SkippedMessage> standing = recorded(pair, sourceOpen.uidValidity(), decidedNow);
    // A message expunged on the source since its skip was recorded is gone, not "not copied";
    // the next sync drops its record (FolderRun), the plan already leaves it out.
    Set<Long> gone = VanishedSkips.among(source,
        standing.stream().map(SkippedMessage::uid).toList());
    standing.stream().filter(m -> !gone.contains(m.uid())).forEach(skipped::add);
    return new FolderDiff(pair, diff.destinationExists(), diff.sourceMessages(), diff.toCopy(),
        diff.bytesToCopy(), diff.toAdopt(), diff.flagUpdates(), diff.toDelete(), skipped,
        diff.unchanged());
  }

  /**
   * Messages an earlier run left out that stay out (their skip still stands, so no fetch decides
   * them again): the plan lists them as apply and status do, so a review before a cutover sees
   * every message that will be missing, not only those decided for the first time.
   */
  private List<SkippedMessage> recorded(FolderPair pair, long sourceUidValidity,
      Set<Long> decidedNow) {
    List<SkippedMessage> out = new ArrayList<>();
    for (SkipRecord r : store.skipped(pair.account(), pair.sourceFolder())) {
      if (r.sourceUidValidity() != sourceUidValidity || decidedNow.contains(r.sourceUid())) {
        continue;
      }
      // a reason written by another version: status shows it; the plan has no words for it
      SkippedMessage.Reason.named(r.reason()).ifPresent(reason -> out.add(new SkippedMessage(
          pair.sourceFolder(), r.sourceUid(), r.size(), r.internalDate().orElse(null), reason,
          r.detail())));
    }
    return out;
  }

  private static Optional<FolderStatus> status(ImapSession session, String folder) {
    try {
      return Optional.of(session.status(folder));
    } catch (ImapException e) {
      if (e.kind() == ImapException.Kind.NO_SUCH_FOLDER) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Set<Long> likelyAdopted(ImapSession destination, FolderPair pair, FolderStatus status,
      List<MessageMeta> pending) {
    Set<Long> taken = store.mappedDestinationUids(pair.account(), pair.destinationFolder(),
        status.uidValidity());
    List<MessageMeta> candidates = new ArrayList<>();
    if (status.messages() > taken.size()) {
      new Destination(destination, pair.destinationFolder(), status.uidValidity(), true)
          .session().fetchMeta(1, Long.MAX_VALUE, m -> {
            if (!taken.contains(m.uid())) {
              candidates.add(m);
            }
          });
    }
    Set<Long> out = new HashSet<>();
    ContentMatcher.likelyMatched(pending, candidates).forEach(m -> out.add(m.uid()));
    return out;
  }

  /** Flag updates and removals pending for mapped messages. */
  private record FlagWork(long updates, long deletions) {}

  private FlagWork flagWork(ImapSession source, ImapSession destination, FolderPair pair,
      Optional<FolderCheckpoint> valid, Map<Long, UidMapping> mapped) {
    if (mapped.isEmpty()) {
      return new FlagWork(0, 0);
    }
    boolean useModseq = valid.isPresent() && valid.get().uidNext() > 0
        && source.info().has("CONDSTORE") && !options.mirrorDeletions();
    OptionalLong since = useModseq ? valid.get().highestModseq() : OptionalLong.empty();
    Set<Long> present = new HashSet<>();
    long[] updates = {0};
    source.fetchFlags(since, m -> {
      present.add(m.uid());
      UidMapping map = mapped.get(m.uid());
      if (map != null && !map.flags().equals(m.flags())) {
        updates[0]++;
      }
    });
    long gone = options.mirrorDeletions()
        ? mapped.keySet().stream().filter(uid -> !present.contains(uid)).count() : 0;
    return new FlagWork(updates[0], gone);
  }

  private static FolderDiff summarize(FolderPair pair, boolean destinationExists,
      FolderStatus sourceOpen, List<MessageMeta> pending, Set<Long> likelyAdopted,
      SkipRules rules, FlagWork flags) {
    long toCopy = 0;
    long bytes = 0;
    List<SkippedMessage> skipped = new ArrayList<>();
    for (MessageMeta m : pending) {
      if (likelyAdopted.contains(m.uid())) {
        continue;
      }
      Optional<SkippedMessage> skip = rules.check(pair.sourceFolder(), m);
      if (skip.isPresent()) {
        skipped.add(skip.get());
      } else {
        toCopy++;
        bytes += m.size();
      }
    }
    boolean unchanged = destinationExists && toCopy == 0 && likelyAdopted.isEmpty()
        && flags.updates() == 0 && flags.deletions() == 0;
    return new FolderDiff(pair, destinationExists, sourceOpen.messages(), toCopy, bytes,
        likelyAdopted.size(), flags.updates(), flags.deletions(), skipped, unchanged);
  }
}
