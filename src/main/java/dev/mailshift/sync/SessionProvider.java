package dev.mailshift.sync;

import dev.mailshift.imap.ImapSession;

/**
 * Hands out a live session for one side of one account and replaces it after a drop. The engine
 * calls {@link #discard} on a session that failed with a retryable error, then {@link #get} again.
 */
public interface SessionProvider {
  ImapSession get();

  void discard(ImapSession broken);
}
