package dev.mailshift.apply;

import dev.mailshift.dns.Sleeper;
import dev.mailshift.imap.Throttle;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rate limits of one server ({@code limits.bytes-per-second}, {@code messages-per-second}),
 * shared by every session to it: one token bucket (Bucket4j) per limit, refilled smoothly at the
 * limit and holding at most one second's worth, so that after an idle spell at most one second's
 * worth passes at once. A {@link #pass} larger than what the bucket holds reserves the tokens
 * (the bucket goes into debt) and waits until they are earned; later callers queue behind that
 * debt. Nothing is locked while waiting: each caller sleeps on its own thread, and servers have
 * separate buckets, so a wait on one server never holds up another.
 *
 * <p>Time comes from the injected clock, made monotonic (a clock stepped back counts as no time
 * passing), and waits go to the injected sleeper, so tests run on virtual time.
 */
public final class ServerThrottle implements Throttle {
  /** The smallest fetch worth asking for under a byte limit, however low the limit. */
  static final long MIN_BURST_BYTES = 64 * 1024;

  /** Bucket4j refills at most one token per nanosecond. */
  private static final long MAX_TOKENS_PER_SECOND = 1_000_000_000L;

  private final String server;
  private final long bytesPerSecond;
  private final long bytesPerToken;
  private final int messagesPerSecond;
  private final Bucket bytes;
  private final Bucket messages;
  private final BlockingStrategy sleep;

  private ServerThrottle(String server, long bytesPerSecond, int messagesPerSecond, Clock clock,
      Sleeper sleeper) {
    this.server = server;
    this.bytesPerSecond = bytesPerSecond;
    this.messagesPerSecond = messagesPerSecond;
    TimeMeter time = new MonotonicTime(clock);
    // Above 1 GB/s a token stands for several bytes (rounded up when paid).
    this.bytesPerToken = Math.max(1, ceilDiv(bytesPerSecond, MAX_TOKENS_PER_SECOND));
    this.bytes = bytesPerSecond > 0 ? bucket(bytesPerSecond / bytesPerToken, time) : null;
    this.messages = messagesPerSecond > 0 ? bucket(messagesPerSecond, time) : null;
    this.sleep = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
  }

  /**
   * The throttle of server {@code server}; {@link Throttle#NONE} when both rates are 0
   * (unlimited).
   */
  public static Throttle of(String server, long bytesPerSecond, int messagesPerSecond,
      Clock clock, Sleeper sleeper) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    if (bytesPerSecond < 0 || messagesPerSecond < 0) {
      throw new IllegalArgumentException("rates must be >= 0");
    }
    if (bytesPerSecond == 0 && messagesPerSecond == 0) {
      return Throttle.NONE;
    }
    return new ServerThrottle(server, bytesPerSecond, messagesPerSecond, clock, sleeper);
  }

  private static Bucket bucket(long perSecond, TimeMeter time) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build();
  }

  @Override
  public void pass(long byteCount, int messageCount) {
    if (bytes != null && byteCount > 0) {
      take(bytes, ceilDiv(byteCount, bytesPerToken), "bytes");
    }
    if (messages != null && messageCount > 0) {
      take(messages, messageCount, "messages");
    }
  }

  private void take(Bucket bucket, long tokens, String what) {
    try {
      bucket.asBlocking().consume(tokens, sleep);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the " + what
          + "-per-second limit of server " + server, e);
    }
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public long burstBytes() {
    return bytes == null ? Long.MAX_VALUE : Math.max(MIN_BURST_BYTES, bytesPerSecond);
  }

  @Override
  public int burstMessages() {
    return messages == null ? Integer.MAX_VALUE : messagesPerSecond;
  }

  @Override
  public String toString() {
    return "ServerThrottle[" + server + ", " + bytesPerSecond + " B/s, " + messagesPerSecond
        + " msg/s]";
  }

  /**
   * Nanoseconds from a {@link Clock} that never go back: a clock stepped backwards (NTP, a
   * manual change) counts as no time passing instead of stalling the buckets until it catches up.
   */
  private static final class MonotonicTime implements TimeMeter {
    private final Clock clock;
    private long last = Long.MIN_VALUE;
    private long offset;

    MonotonicTime(Clock clock) {
      this.clock = clock;
    }

    @Override
    public synchronized long currentTimeNanos() {
      Instant now = clock.instant();
      long raw = now.getEpochSecond() * 1_000_000_000L + now.getNano();
      if (last != Long.MIN_VALUE && raw + offset < last) {
        offset = last - raw;
      }
      last = raw + offset;
      return last;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
