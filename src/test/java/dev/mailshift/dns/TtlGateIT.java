package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TtlGateIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");

  @RegisterExtension BindServer bind = BindZones.acme();

  private final FakeClock clock = new FakeClock(T0);
  private final DirectZoneReader reader = new DirectZoneReader(Duration.ofSeconds(5));

  @Test
  void gate_afterLoweringAShortServedTtl_opensExactlyWhenThatTtlHasRunOut() throws Exception {
    // given: the servers serve the MX set with a TTL of 60 s
    bind.nsupdate("update delete acme.test. MX",
        "update add acme.test. 60 IN MX 10 mx.old.test.",
        "update add acme.test. 60 IN MX 20 mx2.old.test.");
    List<NameServer> servers = List.of(bind.nameServer());
    ZoneObservation before = new DnsObserver(reader, clock).observe("acme.test", servers,
        List.of(MX));

    // when: mailshift lowers it to 5 s and sees that on every server 3 s later
    RrsetSnapshot lowered = before.rrset(MX).reference().withTtl(5);
    new Rfc2136Provider("acme.test", bind.nameServer(), bind.tsig(), Duration.ofSeconds(5))
        .apply(DnsChange.between(before.rrset(MX).reference(), lowered));
    clock.advance(Duration.ofSeconds(3));
    PropagationResult confirmed = new PropagationCheck(reader, clock, new FakeSleeper(clock),
        Duration.ofSeconds(1)).await(servers, lowered, Duration.ofMinutes(1));
    TtlLowering lowering = TtlLowering.of(before, MX, confirmed.finishedAt());

    // then
    assertThat(confirmed.complete()).isTrue();
    assertThat(lowering.waitSeconds()).isEqualTo(60);
    assertThat(lowering.basis()).isEqualTo(TtlLowering.Basis.SERVED_TTL);
    TtlGate gate = new TtlGate(clock);
    Instant opens = T0.plusSeconds(3 + 60);
    assertThat(gate.check(MX, List.of(lowering)))
        .isEqualTo(new GateDecision.Wait(opens, Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(59));
    assertThat(gate.check(MX, List.of(lowering)))
        .isEqualTo(new GateDecision.Wait(opens, Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(gate.check(MX, List.of(lowering))).isEqualTo(new GateDecision.Open(opens));
  }

  @Test
  void lowering_forANameBeingCreated_waitsForTheSoaNegativeTtl() throws Exception {
    // given: no SRV record yet; the zone's SOA says negative answers live 300 s
    RrsetKey srv = new RrsetKey("_imaps._tcp.acme.test", "SRV");
    ZoneObservation before = new DnsObserver(reader, clock).observe("acme.test",
        List.of(bind.nameServer()), List.of(srv));

    // when
    TtlLowering lowering = TtlLowering.of(before, srv, T0);

    // then
    assertThat(lowering.basis()).isEqualTo(TtlLowering.Basis.NEGATIVE_TTL);
    assertThat(lowering.waitSeconds()).isEqualTo(300);
    assertThat(lowering.earliestSwitch()).isEqualTo(T0.plusSeconds(300));
  }
}
