package dev.mailshift.sync;

import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import java.lang.System.Logger.Level;
import java.util.function.BiFunction;

/**
 * Runs an idempotent attempt on fresh sessions, again after a retryable failure (dropped or
 * throttled session, a UIDVALIDITY that moved under us): the broken sessions are discarded, the
 * backoff waits, and the next attempt gets new sessions from the providers.
 */
final class Retrying {
  private static final System.Logger LOG = System.getLogger(Retrying.class.getName());

  private final int maxRetries;
  private final Backoff backoff;
  private final SyncListener listener;

  Retrying(int maxRetries, Backoff backoff, SyncListener listener) {
    this.maxRetries = maxRetries;
    this.backoff = backoff;
    this.listener = listener;
  }

  <T> T run(FolderPair pair, SessionProvider sources, SessionProvider destinations, Tally tally,
      BiFunction<ImapSession, ImapSession, T> attempt) {
    for (int retry = 0; ; retry++) {
      ImapSession source = null;
      ImapSession destination = null;
      RuntimeException failure;
      try {
        source = sources.get();
        destination = destinations.get();
        return attempt.apply(source, destination);
      } catch (ImapException e) {
        if (!e.retryable()) {
          throw new SyncException(pair, describe(e), e);
        }
        discard(sources, source);
        discard(destinations, destination);
        failure = e;
      } catch (FolderChangedException e) {
        failure = e;
      }
      if (retry >= maxRetries) {
        throw new SyncException(pair, "gave up after " + maxRetries + " retries; last failure: "
            + describe(failure), failure);
      }
      tally.retries = retry + 1;
      LOG.log(Level.INFO, "{0}: retry {1} after {2}", pair, retry + 1, failure.getMessage());
      listener.retrying(pair, retry + 1, describe(failure));
      pause(pair, retry + 1);
    }
  }

  private void pause(FolderPair pair, int attempt) {
    try {
      backoff.pause(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(pair, "interrupted while waiting to retry", e);
    }
  }

  private static void discard(SessionProvider provider, ImapSession session) {
    if (session != null) {
      provider.discard(session);
    }
  }

  static String describe(RuntimeException e) {
    String text = e instanceof ImapException i && !i.serverText().isEmpty()
        ? "; server said: " + i.serverText() : "";
    return e.getMessage() + text;
  }
}
