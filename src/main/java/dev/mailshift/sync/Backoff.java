package dev.mailshift.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry after a dropped or throttled session. Injectable so tests do
 * not sleep.
 */
@FunctionalInterface
public interface Backoff {
  /** Waits before retry number {@code attempt} (1 for the first retry). */
  void pause(int attempt) throws InterruptedException;

  /** No wait at all (tests). */
  Backoff NONE = attempt -> { };

  /** Exponential from {@code base}, capped at {@code cap}, with jitter, sleeping the thread. */
  static Backoff exponential(Duration base, Duration cap) {
    return new ExponentialBackoff(base, cap, d -> Thread.sleep(d.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
