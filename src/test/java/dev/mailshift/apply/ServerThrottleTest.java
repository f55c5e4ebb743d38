package dev.mailshift.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.dns.Sleeper;
import dev.mailshift.imap.Throttle;
import dev.mailshift.testsupport.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-server token buckets, on virtual time: nothing here sleeps for real. */
class ServerThrottleTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final VirtualTime time = new VirtualTime(START);

  private Throttle throttle(long bytesPerSecond, int messagesPerSecond) {
    return ServerThrottle.of("new", bytesPerSecond, messagesPerSecond, time.clock(),
        time.sleeper());
  }

  private Duration elapsed() {
    return Duration.between(START, time.clock().instant());
  }

  @Test
  void of_bothRatesZero_isNoneAndNeverWaits() {
    // when
    Throttle t = throttle(0, 0);
    for (int i = 0; i < 100_000; i++) {
      t.pass(1L << 30, 1000);
    }

    // then
    assertThat(t).isSameAs(Throttle.NONE);
    assertThat(t.burstBytes()).isEqualTo(Long.MAX_VALUE);
    assertThat(t.burstMessages()).isEqualTo(Integer.MAX_VALUE);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void pass_onlyBytesLimited_neverWaitsForMessages() {
    // given
    Throttle t = throttle(1_000_000, 0);

    // when
    for (int i = 0; i < 10_000; i++) {
      t.pass(0, 1);
    }

    // then
    assertThat(time.waits()).isEmpty();
    assertThat(t.burstMessages()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void pass_oneMessageAtATimeOverASimulatedMinute_achievesTheLimitExactly() {
    // given: 10 messages per second; the bucket starts with one second's worth
    Throttle t = throttle(0, 10);

    // when: 610 messages
    for (int i = 0; i < 610; i++) {
      t.pass(0, 1);
    }

    // then: 600 of them had to be earned, at 10 per second
    assertThat(time.waited()).isEqualTo(Duration.ofSeconds(60));
    assertThat(elapsed()).isEqualTo(Duration.ofSeconds(60));
    assertThat(time.waits()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(100)));
  }

  @Test
  void pass_bytesInChunksOverASimulatedWindow_achievesTheLimit() {
    // given: 1 MB/s, paid in 64 KiB chunks
    Throttle t = throttle(1_000_000, 0);
    long chunk = 64 * 1024;

    // when: 500 chunks (32.768 MB)
    for (int i = 0; i < 500; i++) {
      t.pass(chunk, 0);
    }

    // then: everything beyond the first second's worth took its time at 1 MB/s
    double seconds = elapsed().toNanos() / 1e9;
    assertThat(seconds).isCloseTo((500 * chunk - 1_000_000) / 1e6, org.assertj.core.data.Offset.offset(0.001));
    assertThat(500 * chunk / seconds).isBetween(1_000_000.0, 1_040_000.0);
  }

  @Test
  void pass_afterAnHourIdle_letsAtMostOneSecondsWorthThroughAtOnce() {
    // given: 100 messages per second, then an hour without traffic
    Throttle t = throttle(0, 100);
    t.pass(0, 100);
    time.advance(Duration.ofHours(1));

    // when: messages one by one until the first wait
    int free = 0;
    while (time.waits().isEmpty()) {
      t.pass(0, 1);
      if (time.waits().isEmpty()) {
        free++;
      }
    }

    // then: the bucket held one second's worth, not an hour's
    assertThat(free).isEqualTo(100);
  }

  @Test
  void pass_moreThanOneSecondsWorth_waitsForAllOfItAndLaterCallersQueueBehind() {
    // given: 1000 bytes per second (the bucket starts full)
    Throttle t = throttle(1000, 0);

    // when
    t.pass(5000, 0);
    Duration first = time.waited();
    t.pass(1000, 0);

    // then
    assertThat(first).isEqualTo(Duration.ofSeconds(4));
    assertThat(time.waited()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void pass_bothLimits_honoursTheTighterOne() {
    // given: plenty of bytes, 2 messages per second
    Throttle t = throttle(1_000_000_000L, 2);

    // when: 22 small messages
    for (int i = 0; i < 22; i++) {
      t.pass(1000, 1);
    }

    // then
    assertThat(elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void pass_veryHighRate_doesNotOverflow() {
    // given: 10 GB/s and 1 TB/s (Bucket4j refills at most one token per nanosecond)
    Throttle ten = throttle(10_000_000_000L, 0);
    Throttle tera = ServerThrottle.of("tera", 1_000_000_000_000L, 0, time.clock(),
        time.sleeper());

    // when: 30 GB in 1 GB pieces through the first
    for (int i = 0; i < 30; i++) {
      ten.pass(1_000_000_000L, 0);
    }
    Duration tenTook = elapsed();
    tera.pass(3_000_000_000_000L, 0);

    // then
    assertThat(tenTook).isEqualTo(Duration.ofSeconds(2));
    assertThat(elapsed().minus(tenTook)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void burstBytes_lowLimit_isAtLeast64KiB_highLimit_isOneSecondsWorth() {
    assertThat(throttle(1000, 0).burstBytes()).isEqualTo(64 * 1024);
    assertThat(throttle(20_000_000, 0).burstBytes()).isEqualTo(20_000_000);
    assertThat(throttle(0, 7).burstMessages()).isEqualTo(7);
    assertThat(throttle(0, 7).burstBytes()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void pass_clockSteppedBack_countsAsNoTimeInsteadOfStalling() {
    // given: 10 messages per second on a clock that will be stepped back an hour
    Throttle t = ServerThrottle.of("new", 0, 10, time.clock(), time.sleeper());
    t.pass(0, 10);
    time.advance(Duration.ofHours(1).negated());
    Duration before = time.waited();

    // when
    t.pass(0, 1);

    // then: one message's worth of waiting, not an hour's
    assertThat(time.waited().minus(before)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void pass_interrupted_throwsAndKeepsTheInterruptFlag() {
    // given: a sleeper that is interrupted, and a bucket in debt
    Throttle t = ServerThrottle.of("new", 0, 1, time.clock(), d -> {
      throw new InterruptedException();
    });
    t.pass(0, 1);

    try {
      // when / then
      assertThatThrownBy(() -> t.pass(0, 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("messages-per-second limit of server new");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void pass_whileOneCallerWaits_otherServersAndOtherCallersAreNotHeldUp() throws Exception {
    // given: server "a" whose sleeps block until released, and server "b"
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch sleeping = new CountDownLatch(2);
    Sleeper blocking = d -> {
      sleeping.countDown();
      if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    };
    Throttle a = ServerThrottle.of("a", 0, 1, time.clock(), blocking);
    Throttle b = throttle(0, 1);
    a.pass(0, 1); // the bucket of "a" is now empty

    ExecutorService workers = Executors.newFixedThreadPool(3);
    try {
      // when: two workers wait on "a"
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> a.pass(0, 1), workers);
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> a.pass(0, 1), workers);

      // then: both reached their own wait (neither holds a lock the other needs)...
      assertThat(sleeping.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      // ...and server "b" passes meanwhile
      CompletableFuture.runAsync(() -> b.pass(0, 1), workers)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(first).isNotDone();
      assertThat(second).isNotDone();
      release.countDown();
      CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      release.countDown();
      workers.shutdownNow();
    }
  }
}
