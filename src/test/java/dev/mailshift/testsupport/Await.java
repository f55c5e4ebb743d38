package dev.mailshift.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition, polling it until it holds or a timeout passes (then the test fails with
 * what it waited for). The only way tests wait: never a fixed sleep.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        fail("waited " + timeout.toSeconds() + " s for " + what);
      }
      LockSupport.parkNanos(POLL.toNanos()); // the polling interval, not a delay to wait out
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }
}
