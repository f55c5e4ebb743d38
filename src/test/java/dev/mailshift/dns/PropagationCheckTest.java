package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagationCheckTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final RrsetSnapshot OLD = RrsetSnapshot.of(MX, 300, List.of("10 mx.old.test."));
  private static final RrsetSnapshot NEW = RrsetSnapshot.of(MX, 300, List.of("10 mx1.new.test."));
  private static final NameServer NS1 = NameServer.parse("192.0.2.53");
  private static final NameServer NS2 = NameServer.parse("192.0.2.54");

  private final FakeClock clock = new FakeClock(T0);
  private final FakeSleeper sleeper = new FakeSleeper(clock);

  @Test
  void await_secondaryCatchesUpOnThirdRound_completeAfterTwoPauses() throws Exception {
    // given
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, NEW).answers(NS2, OLD, OLD, NEW);

    // when
    PropagationResult result = check(reader).await(List.of(NS1, NS2), NEW, Duration.ofMinutes(5));

    // then
    assertThat(result.complete()).isTrue();
    assertThat(result.rounds()).isEqualTo(3);
    assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(result.finishedAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(reader.reads()).as("a server that matched is not asked again").isEqualTo(4);
  }

  @Test
  void await_serverNeverUpdates_incompleteAtTheTimeoutNamingIt() throws Exception {
    // given
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, NEW).answers(NS2, OLD);

    // when
    PropagationResult result = check(reader).await(List.of(NS1, NS2), NEW, Duration.ofSeconds(25));

    // then: pauses 10 + 10 + 5 end exactly at the deadline
    assertThat(result.complete()).isFalse();
    assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(5));
    assertThat(result.finishedAt()).isEqualTo(T0.plusSeconds(25));
    assertThat(result.pendingDescription())
        .isEqualTo("    192.0.2.54:53: acme.test. 300 IN MX 10 mx.old.test.");
  }

  @Test
  void await_ttlDiffersOnly_notYetPropagated() throws Exception {
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, NEW.withTtl(3600));

    PropagationResult result = check(reader).await(List.of(NS1), NEW, Duration.ofSeconds(10));

    assertThat(result.complete()).isFalse();
  }

  @Test
  void await_serverFailsToAnswer_countsAsPendingWithTheError() throws Exception {
    FakeZoneReader reader = new FakeZoneReader().answers(NS1, NEW)
        .fails(NS2, new DnsTimeoutException("no answer from 192.0.2.54:53", NS2.label(), MX));

    PropagationResult result = check(reader).await(List.of(NS1, NS2), NEW, Duration.ofSeconds(10));

    assertThat(result.complete()).isFalse();
    assertThat(result.pendingDescription()).contains("no answer from 192.0.2.54:53");
  }

  private PropagationCheck check(FakeZoneReader reader) {
    return new PropagationCheck(reader, clock, sleeper, Duration.ofSeconds(10));
  }
}
