package dev.mailshift.sync;

import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the flags of every mapped destination copy equal to its source's (as far as the
 * destination can store them), and in mirror mode removes the copies of messages the source has
 * expunged, as far as {@link Removals} allows: a sync on its own refuses to remove more than the
 * deletion ceiling; in a counted run it removes only what the count approved. Source flags are
 * compared with
 * the flags mailshift last wrote, not with the destination's, so changes made on the destination
 * are kept unless the source changes too.
 */
final class FlagMirror {
  private static final int COMMIT_EVERY = 200;

  private final SyncStore store;
  private final FolderKey key;
  private final ImapSession source;
  private final Destination destination;
  private final SyncOptions options;
  private final Removals removals;
  private final Tally tally;
  private Optional<Set<Long>> sourceUids = Optional.empty();

  FlagMirror(SyncStore store, FolderKey key, ImapSession source, Destination destination,
      SyncOptions options, Removals removals, Tally tally) {
    this.store = store;
    this.key = key;
    this.source = source;
    this.destination = destination;
    this.options = options;
    this.removals = removals;
    this.tally = tally;
  }

  /**
   * @param changedSince the source's HIGHESTMODSEQ at the last complete sync, when CONDSTORE lets
   *     us ask only for what changed since (RFC 7162 3.1.4); empty for a full comparison
   * @return how many copies of expunged messages were left in place because the run's count had
   *     not approved their removal (0 outside mirror mode)
   */
  long run(OptionalLong changedSince) {
    boolean full = options.mirrorDeletions() || changedSince.isEmpty();
    if (!full) {
      onlyChanged(changedSince);
      return 0;
    }
    Map<Long, UidMapping> mapped = byUid(store.mappings(key.account(), key.source(),
        key.sourceUidValidity()));
    if (mapped.isEmpty()) {
      return 0;
    }
    Set<Long> present = new HashSet<>();
    Map<Long, Set<String>> changed = new LinkedHashMap<>();
    source.fetchFlags(OptionalLong.empty(), m -> {
      present.add(m.uid());
      UidMapping map = mapped.get(m.uid());
      if (map != null && !withoutRecent(m.flags()).equals(map.flags())) {
        changed.put(m.uid(), m.flags());
      }
    });
    sourceUids = Optional.of(present);
    writeFlags(mapped, changed);
    return options.mirrorDeletions() ? mirrorDeletions(mapped, present) : 0;
  }

  /**
   * Every UID the source folder held when {@link #run} fetched the flags of all its messages;
   * empty when it asked only for changes (CONDSTORE) or had no mapped message to compare.
   */
  Optional<Set<Long>> sourceUids() {
    return sourceUids;
  }

  /**
   * CONDSTORE: only the messages whose flags changed since the last sync come back (RFC 7162
   * 3.1.4), so only their mappings are read, not the folder's.
   */
  private void onlyChanged(OptionalLong changedSince) {
    Map<Long, Set<String>> reported = new LinkedHashMap<>();
    source.fetchFlags(changedSince, m -> reported.put(m.uid(), m.flags()));
    if (reported.isEmpty()) {
      return;
    }
    Map<Long, UidMapping> mapped = byUid(store.mappings(key.account(), key.source(),
        key.sourceUidValidity(), reported.keySet()));
    Map<Long, Set<String>> changed = new LinkedHashMap<>();
    reported.forEach((uid, flags) -> {
      UidMapping map = mapped.get(uid);
      if (map != null && !withoutRecent(flags).equals(map.flags())) {
        changed.put(uid, flags);
      }
    });
    writeFlags(mapped, changed);
  }

  private static Map<Long, UidMapping> byUid(List<UidMapping> mappings) {
    return mappings.stream()
        .collect(Collectors.toMap(UidMapping::sourceUid, Function.identity()));
  }

  /**
   * Stores the changed flags, one UID STORE per distinct flag set and up to {@link #COMMIT_EVERY}
   * messages (a change usually gives many messages the same flags), recording each batch after
   * its STORE. A kill in between only means the flags are written again.
   */
  private void writeFlags(Map<Long, UidMapping> mapped, Map<Long, Set<String>> changed) {
    Map<Set<String>, List<UidMapping>> byFlags = new LinkedHashMap<>();
    for (Map.Entry<Long, Set<String>> e : changed.entrySet()) {
      KeywordFilter.Filtered f = destination.keywords().apply(e.getValue());
      tally.rejectedKeywords.addAll(f.dropped());
      UidMapping m = mapped.get(e.getKey());
      if (!f.kept().equals(m.flags())) {
        byFlags.computeIfAbsent(f.kept(), k -> new ArrayList<>()).add(m);
      }
    }
    Map<Long, Set<String>> written = new LinkedHashMap<>();
    for (Map.Entry<Set<String>, List<UidMapping>> e : byFlags.entrySet()) {
      List<UidMapping> all = e.getValue();
      for (int from = 0; from < all.size(); from += COMMIT_EVERY) {
        List<UidMapping> part = all.subList(from, Math.min(all.size(), from + COMMIT_EVERY));
        destination.session().replaceFlags(
            part.stream().map(UidMapping::destinationUid).toList(), e.getKey());
        part.forEach(m -> written.put(m.sourceUid(), e.getKey()));
        commitFlags(written);
      }
    }
  }

  private void commitFlags(Map<Long, Set<String>> written) {
    if (!written.isEmpty()) {
      store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), List.of(),
          List.of(), List.of(), written, List.of(), OptionalLong.empty()));
      tally.flagsUpdated += written.size();
      written.clear();
    }
  }

  /** Removes what {@link #removals} allows of the copies whose source is gone; returns the rest. */
  private long mirrorDeletions(Map<Long, UidMapping> mapped, Set<Long> present) {
    List<UidMapping> gone = mapped.values().stream()
        .filter(m -> !present.contains(m.sourceUid()))
        .sorted((a, b) -> Long.compare(a.sourceUid(), b.sourceUid())).toList();
    List<UidMapping> remove = switch (removals) {
      case Removals.UpToCeiling c -> {
        if (gone.size() > c.ceiling()) {
          throw new SyncException(key.pair(), "mirror mode would remove " + gone.size()
              + " destination messages whose source was expunged, more than"
              + " messages.deletion-ceiling (" + c.ceiling() + "); nothing was removed."
              + " Check the source folder; if these removals are intended, raise"
              + " messages.deletion-ceiling to at least " + gone.size(), null);
        }
        yield gone;
      }
      case Removals.Approved a -> gone.stream()
          .filter(m -> a.sourceUids().contains(m.sourceUid())).toList();
    };
    if (!remove.isEmpty()) {
      // The mappings go only after the EXPUNGE: a kill in between leaves them, and the next run
      // counts and expunges them again (a UID that no longer exists is ignored without an error,
      // RFC 3501 6.4.8), so nothing is lost or removed twice.
      destination.session().expunge(remove.stream().map(UidMapping::destinationUid).toList());
      store.commit(new SyncBatch(key.account(), key.source(), key.sourceUidValidity(), List.of(),
          List.of(), List.of(), Map.of(), remove.stream().map(UidMapping::sourceUid).toList(),
          OptionalLong.empty()));
      tally.deleted += remove.size();
    }
    return gone.size() - remove.size();
  }

  private static Set<String> withoutRecent(Set<String> flags) {
    return flags.stream().filter(f -> !f.equalsIgnoreCase("\\Recent"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
