package dev.mailshift.apply;

import dev.mailshift.imap.ImapException;
import dev.mailshift.sync.Backoff;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Retries one account's unit of IMAP work (observing it, creating or subscribing a folder) after
 * a transient failure: a dropped connection, a BYE, a timeout or a throttling answer ({@link
 * ImapException#retryable()}), as often as the account's {@code limits.retries} allows, waiting on
 * the backoff between tries. A unit takes its sessions from the pool itself and abandons them when
 * it fails, so each try logs in on a new connection. Permanent failures (login refused, TLS, a NO
 * such as an invalid folder name) are thrown at once, never retried. Thread-safe.
 */
public final class Retries {
  private static final System.Logger LOG = System.getLogger(Retries.class.getName());

  /** No retries at all. */
  public static final Retries NONE = new Retries(Map.of(), 0, Backoff.NONE);

  private final Map<String, Integer> perAccount;
  private final int fallback;
  private final Backoff backoff;

  /**
   * @param perAccount retries per account id
   * @param fallback retries of an account not in {@code perAccount}
   */
  public Retries(Map<String, Integer> perAccount, int fallback, Backoff backoff) {
    this.perAccount = Map.copyOf(perAccount);
    this.fallback = fallback;
    this.backoff = backoff;
  }

  /** How many retries {@code account} gets. */
  public int of(String account) {
    return perAccount.getOrDefault(account, fallback);
  }

  /**
   * Runs {@code unit}, again after each transient failure while retries last.
   *
   * @param what what the unit does, for the log ("observe", "create INBOX/x")
   * @throws ImapException the permanent failure, or the last transient one once retries ran out
   *     (its message then says how many retries were made)
   */
  public <T> T get(String account, String what, Supplier<T> unit) {
    int max = of(account);
    for (int retry = 0; ; retry++) {
      try {
        return unit.get();
      } catch (ImapException e) {
        if (!e.retryable()) {
          throw e;
        }
        if (retry >= max) {
          throw max == 0 ? e : new ImapException(e.kind(), e.getMessage() + " (gave up after "
              + max + " retries)", e.serverText(), e);
        }
        LOG.log(Level.INFO, "{0}: {1}: retry {2} of {3} after {4}", account, what, retry + 1,
            max, e.getMessage());
        pause(retry + 1, e);
      }
    }
  }

  /** {@link #get} for a unit without a result. */
  public void run(String account, String what, Runnable unit) {
    get(account, what, () -> {
      unit.run();
      return null;
    });
  }

  private void pause(int attempt, ImapException failure) {
    try {
      backoff.pause(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IllegalStateException stop = new IllegalStateException(
          "interrupted while waiting to retry", e);
      stop.addSuppressed(failure);
      throw stop;
    }
  }
}
