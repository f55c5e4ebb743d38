package dev.mailshift.apply;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.SyncStore;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.SessionProvider;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The validate step for one folder: EXAMINE both sides and sum RFC822.SIZE over every message,
 * read-only on both (EXAMINE on the destination too). Messages the sync skipped by rule (listed
 * in the state store for the current source UIDVALIDITY) are allowed to be missing.
 */
public final class ImapFolderVerifier implements FolderVerifier {
  private final SyncStore store;

  public ImapFolderVerifier(SyncStore store) {
    this.store = store;
  }

  @Override
  public FolderCheck check(SessionProvider source, SessionProvider destination, FolderPair pair) {
    Totals s = totals(source.get(), pair.sourceFolder());
    Totals d = totals(destination.get(), pair.destinationFolder());
    long skipped = store.skipped(pair.account(), pair.sourceFolder()).stream()
        .filter(r -> r.sourceUidValidity() == s.uidValidity)
        .count();
    return new FolderCheck(pair, s.messages, s.bytes, d.messages, d.bytes, skipped);
  }

  private record Totals(long uidValidity, long messages, long bytes) {}

  private static Totals totals(ImapSession session, String folder) {
    FolderStatus st = session.examine(folder);
    AtomicLong count = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    if (st.messages() > 0) {
      session.fetchMeta(1, Long.MAX_VALUE, m -> {
        count.incrementAndGet();
        bytes.addAndGet(m.size());
      });
    }
    return new Totals(st.uidValidity(), count.get(), bytes.get());
  }
}
