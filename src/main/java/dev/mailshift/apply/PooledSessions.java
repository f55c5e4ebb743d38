package dev.mailshift.apply;

import dev.mailshift.imap.ImapSession;
import dev.mailshift.sync.SessionProvider;

/**
 * A {@link SessionProvider} for one worker and one side: holds at most one session from the pool,
 * replaces it after a drop, and hands it back when the worker is done.
 */
final class PooledSessions implements SessionProvider, AutoCloseable {
  private final SessionPool pool;
  private final SessionKey key;
  private ImapSession current;

  PooledSessions(SessionPool pool, SessionKey key) {
    this.pool = pool;
    this.key = key;
  }

  @Override
  public ImapSession get() {
    if (current == null) {
      current = pool.take(key);
    }
    return current;
  }

  @Override
  public void discard(ImapSession broken) {
    if (broken == current) {
      current = null;
    }
    pool.discard(key, broken);
  }

  /** Returns the session to the pool for reuse. */
  @Override
  public void close() {
    if (current != null) {
      pool.giveBack(key, current);
      current = null;
    }
  }

  /** Gives the session back when the work on it ended well, else closes it. */
  void release(boolean healthy) {
    if (healthy) {
      close();
    } else {
      abandon();
    }
  }

  /** Closes the session instead of pooling it (after a failure of unknown health). */
  void abandon() {
    if (current != null) {
      pool.discard(key, current);
      current = null;
    }
  }
}
