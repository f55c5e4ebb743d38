package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import java.util.Optional;

/**
 * The destination folder of one attempt, selected on first use (a folder with nothing to do is
 * never selected). Checks that SELECT shows the UIDVALIDITY that STATUS showed, and keeps a lower
 * bound of the UID the next APPEND can get.
 */
final class Destination {
  private final ImapSession session;
  private final String folder;
  private final long expectedUidValidity;
  private final boolean readOnly;
  private boolean open;
  private long uidNextBound;
  private KeywordFilter keywords = KeywordFilter.ALLOW_ALL;

  Destination(ImapSession session, String folder, long expectedUidValidity, boolean readOnly) {
    this.session = session;
    this.folder = folder;
    this.expectedUidValidity = expectedUidValidity;
    this.readOnly = readOnly;
  }

  /** The session with the folder selected (EXAMINEd when read-only). */
  ImapSession session() {
    if (!open) {
      FolderStatus s = readOnly ? session.examine(folder) : session.select(folder);
      if (s.uidValidity() != expectedUidValidity) {
        throw new FolderChangedException(folder, expectedUidValidity, s.uidValidity());
      }
      uidNextBound = s.uidNext();
      // RFC 3501 7.1: without PERMANENTFLAGS, every flag is assumed storable.
      keywords = new KeywordFilter(s.permanentFlags().isEmpty() || readOnly
          ? Optional.empty() : Optional.of(s.permanentFlags()));
      open = true;
    }
    return session;
  }

  String folder() {
    return folder;
  }

  KeywordFilter keywords() {
    session();
    return keywords;
  }

  long uidNextBound() {
    session();
    return uidNextBound;
  }

  /** UIDs only grow (RFC 3501 2.3.1.1): the next APPEND gets more than {@code uid}. */
  void appended(long uid) {
    uidNextBound = Math.max(uidNextBound, uid + 1);
  }
}
