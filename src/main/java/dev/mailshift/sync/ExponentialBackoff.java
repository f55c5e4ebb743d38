package dev.mailshift.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Waits {@code min(cap, base * 2^(attempt-1))}, of which the upper half is random ("equal
 * jitter"), so workers that lost their connections together do not come back together.
 *
 * @param sleeper what waits (the thread in production, a recorder in tests)
 * @param random uniform values in [0, 1)
 */
public record ExponentialBackoff(Duration base, Duration cap, Sleeper sleeper, DoubleSupplier random)
    implements Backoff {
  /** Waits for a duration. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public ExponentialBackoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  /** The wait before retry {@code attempt}. */
  public Duration delay(int attempt) {
    long ceiling = cap.toMillis();
    long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
    long full = Math.min(ceiling, exponential < 0 ? ceiling : exponential);
    return Duration.ofMillis(full / 2 + (long) (random.getAsDouble() * (full - full / 2)));
  }

  @Override
  public void pause(int attempt) throws InterruptedException {
    sleeper.sleep(delay(attempt));
  }
}
