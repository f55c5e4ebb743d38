package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class Rfc2136ProviderIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension BindServer bind = BindZones.acme();
  @TempDir Path keys;

  private final DnsObserver observer =
      new DnsObserver(new DirectZoneReader(TIMEOUT), Clock.systemUTC());

  @Test
  void apply_changeSet_zoneHoldsTheDesiredRrsets() throws Exception {
    // given
    List<DesiredRrset> desired = desired();
    Map<RrsetKey, RrsetSnapshot> before = observe(desired);
    List<DnsChange> changes = DnsDiff.between(desired, before);

    // when
    List<DnsProvider.Outcome> outcomes = applyAll(provider(bind.tsig()), changes);

    // then
    assertThat(changes).extracting(DnsChange::kind).contains(
        DnsChange.Kind.ADD, DnsChange.Kind.REPLACE);
    assertThat(outcomes).containsOnly(DnsProvider.Outcome.APPLIED);
    assertThat(observe(desired)).isEqualTo(DnsDiff.stateAfter(before, changes));
    assertThat(observe(desired).get(new RrsetKey(DnsFixtures.ZONE, "TXT")).records())
        .as("the verification TXT next to SPF is kept")
        .contains(TxtValue.rdata("google-site-verification=abc123"));
  }

  @Test
  void apply_again_diffIsEmptyAndOldChangesReportAlreadyApplied() throws Exception {
    // given
    List<DesiredRrset> desired = desired();
    List<DnsChange> changes = DnsDiff.between(desired, observe(desired));
    applyAll(provider(bind.tsig()), changes);
    List<String> zoneAfterFirst = bind.zoneWithoutSoa();

    // when
    List<DnsChange> second = DnsDiff.between(desired, observe(desired));
    List<DnsProvider.Outcome> replay = applyAll(provider(bind.tsig()), changes);

    // then
    assertThat(second).isEmpty();
    assertThat(replay).containsOnly(DnsProvider.Outcome.ALREADY_APPLIED);
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneAfterFirst);
  }

  @Test
  void apply_mxChangedOutOfBandSincePlan_failsPrerequisiteAndChangesNothing() throws Exception {
    // given: the plan saw the old MX set; then someone adds a third MX
    List<DesiredRrset> desired = desired();
    List<DnsChange> changes = DnsDiff.between(desired, observe(desired));
    DnsChange mx = changeOf(changes, "MX");
    bind.nsupdate("update add acme.test. 3600 IN MX 30 mx3.other.test.");
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when / then
    assertThatThrownBy(() -> provider(bind.tsig()).apply(mx))
        .isInstanceOfSatisfying(PrerequisiteFailedException.class, e -> {
          assertThat(e.expected()).isEqualTo(mx.before());
          assertThat(e.actual().records())
              .containsExactly("10 mx.old.test.", "20 mx2.old.test.", "30 mx3.other.test.");
        })
        .hasMessageContaining("acme.test. MX changed since it was observed")
        .hasMessageContaining("NXRRSET")
        .hasMessageContaining("expected: acme.test. 3600 IN MX 10 mx.old.test.")
        .hasMessageContaining("30 mx3.other.test.");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void apply_rrsetCreatedOutOfBandSincePlan_failsPrerequisiteAndChangesNothing() throws Exception {
    // given: the plan saw no DMARC record; then someone publishes one
    List<DesiredRrset> desired = desired();
    DnsChange dmarc = DnsDiff.between(desired, observe(desired)).stream()
        .filter(c -> c.key().name().startsWith("_dmarc")).findFirst().orElseThrow();
    bind.nsupdate("update add _dmarc.acme.test. 3600 IN TXT \"v=DMARC1; p=none\"");
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when / then
    assertThatThrownBy(() -> provider(bind.tsig()).apply(dmarc))
        .isInstanceOf(PrerequisiteFailedException.class)
        .hasMessageContaining("YXRRSET")
        .hasMessageContaining("expected: _dmarc.acme.test. TXT (absent)")
        .hasMessageContaining("v=DMARC1; p=none");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void apply_wrongTsigSecret_refusedSayingSoAndNothingChanged() throws Exception {
    // given
    byte[] wrong = new byte[32];
    String secret = Base64.getEncoder().encodeToString(wrong);
    List<DesiredRrset> desired = desired();
    List<DnsChange> changes = DnsDiff.between(desired, observe(desired));
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when / then
    assertThatThrownBy(() -> provider(DnsFixtures.tsig(secret)).apply(changes.get(0)))
        .isInstanceOf(TsigRefusedException.class)
        .hasMessageContaining("the TSIG key 'mailshift' was refused")
        .hasMessageContaining("BADSIG")
        .hasMessageContaining("Nothing was changed")
        .hasMessageNotContaining(secret);
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void apply_keyNameUnknownToServer_refusedAndNothingChanged() throws Exception {
    // given
    DnsProviderConfig.Tsig stranger = new DnsProviderConfig.Tsig("stranger", "hmac-sha256",
        bind.tsig().secret());
    List<DesiredRrset> desired = desired();
    List<DnsChange> changes = DnsDiff.between(desired, observe(desired));
    List<String> zoneBefore = bind.zoneWithoutSoa();

    // when / then
    assertThatThrownBy(() -> provider(stranger).apply(changes.get(0)))
        .isInstanceOf(TsigRefusedException.class)
        .hasMessageContaining("the TSIG key 'stranger' was refused")
        .hasMessageContaining("BADKEY");
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void apply_zoneTheServerDoesNotServe_refusedBeforeAnyUpdate() {
    // given
    RrsetKey key = new RrsetKey("other.test", "MX");
    DnsChange add = DnsChange.between(RrsetSnapshot.absent(key),
        RrsetSnapshot.of(key, 300, List.of("10 mx.other.test.")));
    Rfc2136Provider provider = new Rfc2136Provider("other.test", bind.nameServer(), bind.tsig(),
        TIMEOUT);

    // when / then
    assertThatThrownBy(() -> provider.apply(add))
        .isInstanceOf(DnsRefusedException.class)
        .hasMessageContaining("refused the query for other.test. MX")
        .hasMessageContaining("does not serve this zone");
  }

  private List<DesiredRrset> desired() throws Exception {
    DnsSection dns = DnsFixtures.section(
        new DnsProviderConfig.Rfc2136(bind.hostPort(), bind.tsig()),
        DnsFixtures.newHostTargets(keys), List.of(bind.hostPort()));
    return DesiredRrsets.all(dns, DesiredRrsets.dkimValues(dns.records()), dns.cutoverTtl());
  }

  private Map<RrsetKey, RrsetSnapshot> observe(List<DesiredRrset> desired) throws DnsException {
    Set<RrsetKey> keys = desired.stream().map(DesiredRrset::key).collect(Collectors.toSet());
    return observer.observe(DnsFixtures.ZONE, List.of(bind.nameServer()), keys).references();
  }

  private Rfc2136Provider provider(DnsProviderConfig.Tsig tsig) {
    return Rfc2136Provider.of(DnsFixtures.ZONE,
        new DnsProviderConfig.Rfc2136(bind.hostPort(), tsig), TIMEOUT);
  }

  private static List<DnsProvider.Outcome> applyAll(DnsProvider provider,
      List<DnsChange> changes) throws DnsException {
    List<DnsProvider.Outcome> outcomes = new ArrayList<>();
    for (DnsChange c : changes) {
      outcomes.add(provider.apply(c));
    }
    return outcomes;
  }

  private static DnsChange changeOf(List<DnsChange> changes, String type) {
    return changes.stream().filter(c -> c.key().type().equals(type)
        && c.key().name().equals(DnsFixtures.ZONE)).findFirst().orElseThrow();
  }
}
