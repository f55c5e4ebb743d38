package dev.mailshift.apply;

import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.ImapSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Sessions shared by workers, within each server's connection limit. A permit is held for as long
 * as a session is open, idle or not; when a server's permits are all taken and one is needed, an
 * idle session of another account on that server is closed to free its permit. Idle sessions of
 * the same account are reused, so a worker moving from folder to folder of one account does not
 * log in again.
 */
public final class SessionPool implements AutoCloseable {
  private final ImapConnector connector;
  private final Map<String, Semaphore> permits = new HashMap<>();
  private final Map<SessionKey, Deque<ImapSession>> idle = new HashMap<>();
  private final Map<String, Integer> limits;

  /** @param limits connection limit per server name */
  public SessionPool(ImapConnector connector, Map<String, Integer> limits) {
    this.connector = connector;
    this.limits = Map.copyOf(limits);
    limits.forEach((server, n) -> permits.put(server, new Semaphore(n)));
  }

  public int limit(String server) {
    return limits.getOrDefault(server, 1);
  }

  /** A live session for the key: an idle one, or a new one once a permit is free. */
  public ImapSession take(SessionKey key) {
    synchronized (this) {
      Deque<ImapSession> q = idle.get(key);
      if (q != null && !q.isEmpty()) {
        return q.pop();
      }
    }
    Semaphore s = permits.get(key.server());
    acquire(key, s);
    try {
      return connector.connect(key.endpoint(), key.credentials(), key.access());
    } catch (RuntimeException e) {
      s.release();
      throw e;
    }
  }

  private void acquire(SessionKey key, Semaphore s) {
    while (!s.tryAcquire()) {
      if (!evictIdleOn(key.server())) {
        try {
          s.acquire();
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a connection to " + key.server(), e);
        }
      }
    }
  }

  private boolean evictIdleOn(String server) {
    ImapSession victim = null;
    synchronized (this) {
      for (var e : idle.entrySet()) {
        if (e.getKey().server().equals(server) && !e.getValue().isEmpty()) {
          victim = e.getValue().pop();
          break;
        }
      }
    }
    if (victim == null) {
      return false;
    }
    closeAndRelease(server, victim);
    return true;
  }

  /** Gives a healthy session back for reuse. */
  public void giveBack(SessionKey key, ImapSession session) {
    synchronized (this) {
      idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(session);
    }
  }

  /** Closes a broken (or no longer wanted) session and frees its permit. */
  public void discard(SessionKey key, ImapSession session) {
    closeAndRelease(key.server(), session);
  }

  /** Closes the idle sessions of one account (its work is done). */
  public void closeIdle(String account) {
    Map<SessionKey, Deque<ImapSession>> gone = new HashMap<>();
    synchronized (this) {
      for (Iterator<Map.Entry<SessionKey, Deque<ImapSession>>> it = idle.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().account().equals(account)) {
          gone.put(e.getKey(), e.getValue());
          it.remove();
        }
      }
    }
    gone.forEach((k, q) -> q.forEach(s -> closeAndRelease(k.server(), s)));
  }

  private void closeAndRelease(String server, ImapSession session) {
    try {
      session.close();
    } finally {
      permits.get(server).release();
    }
  }

  @Override
  public void close() {
    Map<SessionKey, Deque<ImapSession>> all;
    synchronized (this) {
      all = new HashMap<>(idle);
      idle.clear();
    }
    all.forEach((k, q) -> q.forEach(s -> closeAndRelease(k.server(), s)));
  }
}
