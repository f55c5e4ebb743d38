package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualProviderTest {
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final RrsetKey OLD = new RrsetKey("autodiscover.acme.test", "CNAME");
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final NameServer ns = NameServer.parse("192.0.2.53");

  private final ManualProvider provider = new ManualProvider("acme.test", List.of(ns),
      new FakeZoneReader(), new PropagationCheck(new FakeZoneReader(), clock,
          new FakeSleeper(clock), Duration.ofSeconds(10)), Duration.ofMinutes(30), s -> { });

  @Test
  void instructions_mxReplace_listsTheNewSetAndWhatToRemove() {
    DnsChange change = DnsChange.between(
        RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test.", "20 mx2.old.test.")),
        RrsetSnapshot.of(MX, 300, List.of("10 mx1.newhost.test.", "20 mx2.old.test.")));

    assertThat(provider.instructions(change)).isEqualTo("""
        At the DNS host of zone acme.test., change the MX records of @ (the zone apex) \
        (acme.test.):
          TTL 300, exactly these values and no others:
              10 mx1.newhost.test.
              20 mx2.old.test.
          remove these values:
              10 mx.old.test.
        mailshift checks 1 authoritative server(s) until all answer this, for up to 30 min.""");
  }

  @Test
  void instructions_delete_saysDeleteAndWhich() {
    DnsChange change = DnsChange.between(
        RrsetSnapshot.of(OLD, 1800, List.of("autodiscover.old.test.")), RrsetSnapshot.absent(OLD));

    assertThat(provider.instructions(change)).startsWith("""
        At the DNS host of zone acme.test., delete the CNAME records of autodiscover \
        (autodiscover.acme.test.):
          remove these values:
              autodiscover.old.test.
        """);
  }
}
