package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
  @Test
  void delay_growingAttempts_doublesWithinJitterAndStopsAtCap() {
    ExponentialBackoff low = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10),
        d -> { }, () -> 0.0);
    ExponentialBackoff high = new ExponentialBackoff(Duration.ofSeconds(1),
        Duration.ofSeconds(10), d -> { }, () -> 0.999_999);

    assertThat(List.of(low.delay(1), low.delay(2), low.delay(3), low.delay(30), low.delay(99)))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(high.delay(3)).isBetween(Duration.ofMillis(3_990), Duration.ofSeconds(4));
    assertThat(high.delay(64)).isBetween(Duration.ofMillis(9_990), Duration.ofSeconds(10));
  }

  @Test
  void pause_sleepsTheComputedDelay() throws InterruptedException {
    List<Duration> slept = new ArrayList<>();
    ExponentialBackoff b = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1),
        slept::add, () -> 0.5);

    b.pause(2);

    assertThat(slept).containsExactly(b.delay(2));
  }
}
