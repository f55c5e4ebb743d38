package dev.mailshift.sync;

import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the skip records whose message the source has expunged since: such a message is no
 * longer "not copied", it is gone. The UIDs a full flag fetch of the same run saw answer; else one
 * {@code UID SEARCH UID lo:hi ALL} on the selected source folder does, for all of a folder's records (a range, not a list, keeps the command line short
 * however scattered the UIDs are).
 *
 * <p>Only ever used after the folder's UIDVALIDITY was checked at EXAMINE: a UID absent from the
 * answer is gone for good, never given to another message (RFC 3501 2.3.1.1).
 */
final class VanishedSkips {
  private VanishedSkips() {}

  /** Which of {@code uids} the selected source folder no longer holds. */
  static Set<Long> among(ImapSession source, Collection<Long> uids) {
    return among(source, uids, Optional.empty());
  }

  /**
   * As above; {@code seen}, all the UIDs the folder held a moment ago in this session (a full
   * flag fetch made after the records were written), answers without a round trip.
   */
  static Set<Long> among(ImapSession source, Collection<Long> uids, Optional<Set<Long>> seen) {
    if (uids.isEmpty()) {
      return Set.of();
    }
    if (seen.isPresent()) {
      Set<Long> gone = new HashSet<>(uids);
      gone.removeAll(seen.get());
      return gone;
    }
    long low = uids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long high = uids.stream().mapToLong(Long::longValue).max().orElseThrow();
    Set<Long> present = source.searchUids("UID " + low + ":" + high + " ALL");
    Set<Long> gone = new HashSet<>(uids);
    gone.removeAll(present);
    return gone;
  }

  /** The source UIDs the folder's skip records of this UIDVALIDITY name. */
  static List<Long> recorded(SyncStore store, FolderPair pair, long sourceUidValidity) {
    return store.skipped(pair.account(), pair.sourceFolder()).stream()
        .filter(s -> s.sourceUidValidity() == sourceUidValidity)
        .map(SkipRecord::sourceUid).toList();
  }
}
