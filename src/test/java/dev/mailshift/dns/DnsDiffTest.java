package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsDiffTest {
  private static final RrsetKey MX = new RrsetKey("acme.test", "MX");
  private static final RrsetKey APEX_TXT = new RrsetKey("acme.test", "TXT");
  private static final RrsetKey DMARC = new RrsetKey("_dmarc.acme.test", "TXT");
  private static final RrsetKey OLD = new RrsetKey("autodiscover.acme.test", "CNAME");

  private static final Map<RrsetKey, RrsetSnapshot> OBSERVED = Map.of(
      MX, RrsetSnapshot.of(MX, 3600, List.of("10 mx.old.test.", "20 mx2.old.test.")),
      APEX_TXT, RrsetSnapshot.of(APEX_TXT, 3600, List.of(TxtValue.rdata("v=spf1 a -all"),
          TxtValue.rdata("google-site-verification=abc"))),
      DMARC, RrsetSnapshot.absent(DMARC),
      OLD, RrsetSnapshot.of(OLD, 1800, List.of("autodiscover.old.test.")));

  private static final List<DesiredRrset> DESIRED = List.of(
      DesiredRrset.whole(MX, 300, List.of("10 mx1.newhost.test.", "20 mx2.old.test.")),
      new DesiredRrset(APEX_TXT, 300, List.of(TxtValue.rdata("v=spf1 include:n.test -all")),
          DesiredRrset.Scope.SPF_ONLY),
      DesiredRrset.whole(DMARC, 3600, List.of(TxtValue.rdata("v=DMARC1; p=none"))),
      DesiredRrset.whole(OLD, 3600, List.of()));

  @Test
  void between_mixedChanges_deletionsFirstThenInDnsOrder_andRenderedWithMarkers() {
    // when
    List<DnsChange> changes = DnsDiff.between(DESIRED, OBSERVED);

    // then
    assertThat(changes).extracting(DnsChange::kind).containsExactly(
        DnsChange.Kind.DELETE, DnsChange.Kind.REPLACE, DnsChange.Kind.REPLACE,
        DnsChange.Kind.ADD);
    assertThat(String.join("\n", DnsDiff.render(changes))).isEqualTo("""
        - autodiscover.acme.test. CNAME  TTL 1800
            - autodiscover.old.test.
        ~ acme.test. MX  TTL 3600 -> 300
            - 10 mx.old.test.
              20 mx2.old.test.
            + 10 mx1.newhost.test.
        ~ acme.test. TXT  TTL 3600
            - "v=spf1 a -all"
              google-site-verification=abc
            + "v=spf1 include:n.test -all"
        + _dmarc.acme.test. TXT  TTL 3600
            + "v=DMARC1; p=none\"""");
  }

  @Test
  void between_spfOnly_keepsOtherTxtRecordsAndTheirTtl() {
    DnsChange txt = DnsDiff.between(DESIRED, OBSERVED).stream()
        .filter(c -> c.key().equals(APEX_TXT)).findFirst().orElseThrow();

    assertThat(txt.after()).isEqualTo(RrsetSnapshot.of(APEX_TXT, 3600, List.of(
        TxtValue.rdata("google-site-verification=abc"),
        TxtValue.rdata("v=spf1 include:n.test -all"))));
  }

  @Test
  void between_zoneAlreadyAsDesired_isEmpty() {
    Map<RrsetKey, RrsetSnapshot> after =
        DnsDiff.stateAfter(OBSERVED, DnsDiff.between(DESIRED, OBSERVED));

    assertThat(DnsDiff.between(DESIRED, after)).isEmpty();
  }

  @Test
  void between_onlyTtlDiffers_replaceMarkedTtlOnly() {
    List<DnsChange> changes = DnsDiff.between(
        List.of(DesiredRrsets.lowerTtl(OBSERVED.get(MX), 300)), OBSERVED);

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.ttlOnly()).isTrue();
      assertThat(c.render()).containsExactly("~ acme.test. MX  TTL 3600 -> 300",
          "      10 mx.old.test.", "      20 mx2.old.test.");
    });
  }

  @Test
  void between_desiredKeyNotObserved_refuses() {
    RrsetKey unobserved = new RrsetKey("x.acme.test", "A");

    assertThatThrownBy(() -> DnsDiff.between(
        List.of(DesiredRrset.whole(unobserved, 60, List.of("192.0.2.1"))), OBSERVED))
        .hasMessageContaining("x.acme.test. A was not observed");
  }

  @Test
  void inverse_ofAChange_restoresBefore() {
    DnsChange change = DnsDiff.between(DESIRED, OBSERVED).get(0);

    assertThat(change.inverse().kind()).isEqualTo(DnsChange.Kind.ADD);
    assertThat(change.inverse().after()).isEqualTo(change.before());
  }
}
