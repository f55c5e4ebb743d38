package dev.mailshift.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that advances a {@link FakeClock} instead of waiting, records each pause, and
 * runs an optional action on a given pause (a simulated operator making the change meanwhile).
 */
final class FakeSleeper implements Sleeper {
  /** Something done "while mailshift waits". */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  private final FakeClock clock;
  private final List<Duration> pauses = new ArrayList<>();
  private final int actOnPause;
  private final Action action;

  FakeSleeper(FakeClock clock) {
    this(clock, -1, () -> { });
  }

  /** Runs {@code action} during pause number {@code actOnPause} (1-based). */
  FakeSleeper(FakeClock clock, int actOnPause, Action action) {
    this.clock = clock;
    this.actOnPause = actOnPause;
    this.action = action;
  }

  @Override
  public void sleep(Duration duration) {
    pauses.add(duration);
    clock.advance(duration);
    if (pauses.size() == actOnPause) {
      try {
        action.run();
      } catch (Exception e) {
        throw new IllegalStateException("the simulated operator failed", e);
      }
    }
  }

  List<Duration> pauses() {
    return List.copyOf(pauses);
  }
}
