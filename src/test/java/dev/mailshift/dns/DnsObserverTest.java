package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsObserverTest {
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final NameServer NS1 = NameServer.parse("192.0.2.53");
  private static final NameServer NS2 = NameServer.parse("192.0.2.54");
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void observe_secondaryServesOldData_flagsBothDisagreements() throws Exception {
    // given
    FakeZoneReader reader = new FakeZoneReader()
        .answers(NS1, RrsetSnapshot.of(MX, 300, List.of("10 mx1.new.test.")))
        .answers(NS2, RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test.")))
        .soa(NS1, 8, 300).soa(NS2, 7, 300);

    // when
    ZoneObservation seen = new DnsObserver(reader, clock).observe("acme.test",
        List.of(NS1, NS2), List.of(MX));

    // then
    assertThat(seen.rrset(MX).reference().records()).containsExactly("10 mx1.new.test.");
    assertThat(seen.rrset(MX).maxTtl()).isEqualTo(3600);
    assertThat(seen.disagreements()).containsExactly(
        "authoritative servers serve different SOA serials for acme.test.: 7 on 192.0.2.54:53;"
            + " 8 on 192.0.2.53:53",
        """
        authoritative servers disagree on acme.test. MX (a secondary may not have transferred \
        the zone yet):
            192.0.2.53:53: acme.test. 300 IN MX 10 mx1.new.test.
            192.0.2.54:53: acme.test. 3600 IN MX 10 mx.old.test.""");
  }

  @Test
  void observe_keyOutsideTheZone_refused() {
    assertThatThrownBy(() -> new DnsObserver(new FakeZoneReader(), clock).observe("acme.test",
        List.of(NS1), List.of(new RrsetKey("other.test", "MX"))))
        .hasMessage("other.test. MX is outside zone acme.test");
  }
}
