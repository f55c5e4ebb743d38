package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtlGateTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final NameServer NS1 = NameServer.parse("192.0.2.53:53");
  private static final NameServer NS2 = NameServer.parse("192.0.2.54:53");

  private final FakeClock clock = new FakeClock(T0);

  @Test
  void of_serversServedDifferentTtls_waitsForTheLongest() throws Exception {
    // given: the secondary still serves the old 86400 s TTL
    FakeZoneReader reader = new FakeZoneReader()
        .answers(NS1, RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test.")))
        .answers(NS2, RrsetSnapshot.of(MX, 86400, List.of("10 mx.old.test.")));
    ZoneObservation seen = new DnsObserver(reader, clock).observe("acme.test",
        List.of(NS1, NS2), List.of(MX));

    // when
    TtlLowering lowering = TtlLowering.of(seen, MX, T0);

    // then
    assertThat(lowering.waitSeconds()).isEqualTo(86400);
    assertThat(lowering.basis()).isEqualTo(TtlLowering.Basis.SERVED_TTL);
  }

  @Test
  void of_nameMissingOnOneServer_negativeTtlCountsWhenLonger() throws Exception {
    FakeZoneReader reader = new FakeZoneReader()
        .answers(NS1, RrsetSnapshot.of(MX, 60, List.of("10 mx.old.test.")))
        .answers(NS2, RrsetSnapshot.absent(MX))
        .soa(NS2, 7, 900);
    ZoneObservation seen = new DnsObserver(reader, clock).observe("acme.test",
        List.of(NS1, NS2), List.of(MX));

    TtlLowering lowering = TtlLowering.of(seen, MX, T0);

    assertThat(lowering.waitSeconds()).isEqualTo(900);
    assertThat(lowering.basis()).isEqualTo(TtlLowering.Basis.NEGATIVE_TTL);
  }

  @Test
  void check_beforeDuringAndAfterTheWait() {
    // given
    TtlLowering lowering = new TtlLowering("acme.test", "MX", 3600,
        TtlLowering.Basis.SERVED_TTL, T0);
    TtlGate gate = new TtlGate(clock);

    // when / then
    assertThat(gate.check(MX, List.of(lowering)))
        .isEqualTo(new GateDecision.Wait(T0.plusSeconds(3600), Duration.ofHours(1)));
    clock.advance(Duration.ofSeconds(3599));
    assertThat(gate.check(MX, List.of(lowering)))
        .isEqualTo(new GateDecision.Wait(T0.plusSeconds(3600), Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(gate.check(MX, List.of(lowering)))
        .isEqualTo(new GateDecision.Open(T0.plusSeconds(3600)));
  }

  @Test
  void check_severalLoweringsRecorded_latestEarliestMomentWins() {
    TtlLowering early = new TtlLowering("acme.test", "MX", 60, TtlLowering.Basis.SERVED_TTL, T0);
    TtlLowering later = new TtlLowering("acme.test", "MX", 600, TtlLowering.Basis.SERVED_TTL,
        T0.plusSeconds(10));
    TtlLowering otherRrset = new TtlLowering("x.acme.test", "A", 99999,
        TtlLowering.Basis.SERVED_TTL, T0);

    assertThat(new TtlGate(clock).check(MX, List.of(early, later, otherRrset)))
        .isEqualTo(new GateDecision.Wait(T0.plusSeconds(610), Duration.ofSeconds(610)));
  }

  @Test
  void check_noLoweringRecorded_unstaged() {
    assertThat(new TtlGate(clock).check(MX, List.of()))
        .isEqualTo(new GateDecision.Unstaged("acme.test. MX"));
  }
}
