package dev.mailshift.sync;

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

  // The production backoff (ExponentialBackoff on the Environment's sleeper) is built in one
  // place, api.Engines, so every wait goes through the injected sleeper.
}
