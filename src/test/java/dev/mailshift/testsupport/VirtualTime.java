package dev.mailshift.testsupport;

import dev.mailshift.dns.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when its sleeper is asked to wait (or a test advances it), and that
 * sleeper, which records every wait instead of sleeping. Thread-safe: workers of an apply may
 * wait at once.
 */
public final class VirtualTime {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  public VirtualTime(Instant start) {
    this.start = start;
  }

  public Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return start.plusNanos(nanos.get());
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }

  public Sleeper sleeper() {
    return d -> {
      waits.add(d);
      advance(d);
    };
  }

  public void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  /** Every wait asked for, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** The sum of every wait asked for. */
  public Duration waited() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
