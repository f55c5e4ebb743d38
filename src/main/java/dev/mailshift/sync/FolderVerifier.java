package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Compares a folder's source and destination (read-only on both): counts and byte sums from
 * EXAMINE and sizes from FETCH RFC822.SIZE, with the store's mappings and skip list explaining
 * the difference.
 */
public final class FolderVerifier {
  private final SyncStore store;
  private final ToIntFunction<String> maxRetries;
  private final Backoff backoff;

  /**
   * @param maxRetries per account id: how often a folder's check is retried on new sessions after
   *     a dropped or throttled one, with {@code backoff} between tries
   */
  public FolderVerifier(SyncStore store, ToIntFunction<String> maxRetries, Backoff backoff) {
    this.store = store;
    this.maxRetries = maxRetries;
    this.backoff = backoff;
  }

  public FolderVerifier(SyncStore store, int maxRetries, Backoff backoff) {
    this(store, account -> maxRetries, backoff);
  }

  public FolderVerification verify(SessionProvider source, SessionProvider destination,
      FolderPair pair) {
    return new Retrying(maxRetries.applyAsInt(pair.account()), backoff, SyncListener.NONE)
        .run(pair, source, destination, new Tally(), (s, d) -> verify(s, d, pair));
  }

  private FolderVerification verify(ImapSession source, ImapSession destination, FolderPair pair) {
    FolderStatus sourceOpen = source.examine(pair.sourceFolder());
    Map<Long, Long> sourceSizes = new HashMap<>();
    source.fetchMeta(1, Long.MAX_VALUE, m -> sourceSizes.put(m.uid(), m.size()));
    destination.examine(pair.destinationFolder());
    long[] dest = {0, 0};
    destination.fetchMeta(1, Long.MAX_VALUE, m -> {
      dest[0]++;
      dest[1] += m.size();
    });
    Set<Long> mapped = new HashSet<>();
    store.mappings(pair.account(), pair.sourceFolder(), sourceOpen.uidValidity())
        .forEach(m -> mapped.add(m.sourceUid()));
    long skipped = 0;
    long skippedBytes = 0;
    for (SkipRecord s : store.skipped(pair.account(), pair.sourceFolder())) {
      if (s.sourceUidValidity() == sourceOpen.uidValidity() && sourceSizes.containsKey(s.sourceUid())
          && !mapped.contains(s.sourceUid())) {
        skipped++;
        skippedBytes += sourceSizes.get(s.sourceUid());
        mapped.add(s.sourceUid());
      }
    }
    long sourceBytes = sourceSizes.values().stream().mapToLong(Long::longValue).sum();
    long unaccounted = sourceSizes.keySet().stream().filter(u -> !mapped.contains(u)).count();
    boolean shortfall = unaccounted > 0 || dest[0] < sourceSizes.size() - skipped
        || dest[1] < sourceBytes - skippedBytes;
    return new FolderVerification(pair, sourceSizes.size(), sourceBytes, dest[0], dest[1],
        skipped, skippedBytes, unaccounted, shortfall);
  }
}
