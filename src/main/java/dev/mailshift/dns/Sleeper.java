package dev.mailshift.dns;

import java.time.Duration;

/**
 * Waits between polls. Production uses {@link #system()}; tests pass a fake that advances a fake
 * clock (and may play the operator), so no test sleeps.
 */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
