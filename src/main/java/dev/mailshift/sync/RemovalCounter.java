package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, read-only, the source UIDs whose destination copies a mirror-mode sync of one folder
 * would remove now: the mappings that still describe the folder pair (the same ones a sync keeps
 * after dropping stale state) whose source message is gone. One EXAMINE and one {@code UID SEARCH
 * ALL} on the source, one STATUS on the destination.
 */
final class RemovalCounter {
  private final SyncStore store;

  RemovalCounter(SyncStore store) {
    this.store = store;
  }

  Set<Long> count(ImapSession source, ImapSession destination, FolderPair pair) {
    FolderStatus destinationStatus;
    try {
      destinationStatus = destination.status(pair.destinationFolder());
    } catch (ImapException e) {
      if (e.kind() == ImapException.Kind.NO_SUCH_FOLDER) {
        return Set.of(); // nothing of ours there to remove
      }
      throw e;
    }
    FolderStatus sourceOpen = source.examine(pair.sourceFolder());
    var mapped = store.mappings(pair.account(), pair.sourceFolder(), sourceOpen.uidValidity())
        .stream()
        .filter(m -> m.destinationFolder().equals(pair.destinationFolder())
            && m.destinationUidValidity() == destinationStatus.uidValidity())
        .map(UidMapping::sourceUid)
        .toList();
    if (mapped.isEmpty()) {
      return Set.of();
    }
    // RFC 3501 6.4.4: ALL matches every message; UIDs of expunged messages are never reused
    // (RFC 3501 2.3.1.1), so a mapped UID missing here is gone for good.
    Set<Long> present = source.searchUids("ALL");
    Set<Long> gone = new TreeSet<>();
    mapped.stream().filter(uid -> !present.contains(uid)).forEach(gone::add);
    return gone;
  }
}
