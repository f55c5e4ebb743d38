package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.SimpleResolver;

class DnsObserverIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"),
      ZoneOffset.UTC);

  @RegisterExtension BindServer bind = BindZones.acme();

  private final DnsObserver observer =
      new DnsObserver(new DirectZoneReader(Duration.ofSeconds(3)), CLOCK);

  @Test
  void observe_liveZone_returnsEachManagedRrsetWithServedTtl() throws Exception {
    // given
    RrsetKey mx = new RrsetKey("acme.test", "MX");
    RrsetKey txt = new RrsetKey("acme.test", "TXT");
    RrsetKey dmarc = new RrsetKey("_dmarc.acme.test", "TXT");

    // when
    ZoneObservation seen = observer.observe("acme.test", List.of(bind.nameServer()),
        List.of(mx, txt, dmarc));

    // then
    assertThat(seen.rrset(mx).reference()).isEqualTo(
        RrsetSnapshot.of(mx, 3600, List.of("10 mx.old.test.", "20 mx2.old.test.")));
    assertThat(seen.rrset(txt).reference()).isEqualTo(RrsetSnapshot.of(txt, 3600, List.of(
        TxtValue.rdata("v=spf1 ip4:192.0.2.0/24 -all"),
        TxtValue.rdata("google-site-verification=abc123"))));
    assertThat(seen.rrset(dmarc).reference().exists()).isFalse();
    assertThat(seen.soas()).singleElement()
        .satisfies(soa -> assertThat(soa.serial()).isEqualTo(2024010101L));
    assertThat(seen.negativeTtl()).isEqualTo(300);
    assertThat(seen.disagreements()).isEmpty();
    assertThat(seen.observedAt()).isEqualTo(CLOCK.instant());
  }

  @Test
  void observe_sameServerListedTwice_agrees() throws Exception {
    // given: the zone's NS set, discovered through a resolver (here BIND answers for its zone)
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", bind.port()));
    List<NameServer> servers = new AuthoritativeServers(resolver, Duration.ofSeconds(3),
        bind.port()).discover("acme.test");

    // when
    ZoneObservation seen = observer.observe("acme.test", servers,
        List.of(new RrsetKey("acme.test", "MX")));

    // then: ns1 (the SOA MNAME, first) and ns2 both point at 127.0.0.1
    assertThat(servers).extracting(NameServer::name)
        .containsExactly("ns1.acme.test.", "ns2.acme.test.");
    assertThat(seen.rrsets().get(0).answers()).hasSize(2);
    assertThat(seen.disagreements()).isEmpty();
  }

  @Test
  void observe_zoneTheServerDoesNotServe_failsRefused() {
    assertThatThrownBy(() -> observer.observe("other.test", List.of(bind.nameServer()),
        List.of(new RrsetKey("other.test", "MX"))))
        .isInstanceOf(DnsRefusedException.class)
        .hasMessageContaining("refused the query for other.test. SOA")
        .satisfies(e -> assertThat(((DnsException) e).key())
            .isEqualTo(new RrsetKey("other.test", "SOA")));
  }

  @Test
  void observe_nameBelowTheApex_failsNotAZoneApex() {
    assertThatThrownBy(() -> observer.observe("www.acme.test", List.of(bind.nameServer()),
        List.of(new RrsetKey("www.acme.test", "MX"))))
        .isInstanceOf(NotAuthoritativeException.class)
        .hasMessageContaining("www.acme.test. is not a zone apex")
        .hasMessageContaining("the enclosing zone is acme.test.");
  }

  @Test
  void observe_serverNotRunning_failsTimeoutNamingServerAndRrset() throws Exception {
    // given: a port nothing listens on (the server stopped)
    NameServer dead = NameServer.parse("127.0.0.1:" + bind.port());
    DnsObserver quick = new DnsObserver(new DirectZoneReader(Duration.ofMillis(300)), CLOCK);
    bind.stopNow();

    // when / then
    assertThatThrownBy(() -> quick.observe("acme.test", List.of(dead),
        List.of(new RrsetKey("acme.test", "MX"))))
        .isInstanceOf(DnsTimeoutException.class)
        .hasMessageContaining("127.0.0.1:" + bind.port())
        .hasMessageContaining("acme.test. SOA");
  }
}
