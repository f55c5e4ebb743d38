package dev.mailshift.dns;

import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsProviderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.BindServer;
import dev.mailshift.testsupport.BindZones;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DnsRollbackIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension BindServer bind = BindZones.acme();
  @TempDir Path keys;

  private final DnsObserver observer =
      new DnsObserver(new DirectZoneReader(TIMEOUT), Clock.systemUTC());

  @Test
  void rollback_afterTtlLoweringSwitchAndTtlRestore_restoresTheZoneExactly() throws Exception {
    // given: the full cutover (lower MX TTL, switch everything, restore the normal TTL)
    List<String> zoneBefore = bind.zoneWithoutSoa();
    List<RollbackRecord> journal = cutover();

    // when
    RollbackReport report = new DnsRollback(provider(), served()).restore(journal);

    // then
    assertThat(report.complete()).isTrue();
    assertThat(report.unserved()).isEmpty();
    assertThat(report.restored()).hasSize(journal.size())
        .allSatisfy(r -> assertThat(r.alreadyRestored()).isFalse());
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void rollback_runTwice_secondRunRestoresNothingAndChangesNothing() throws Exception {
    // given
    List<String> zoneBefore = bind.zoneWithoutSoa();
    List<RollbackRecord> journal = cutover();
    new DnsRollback(provider(), served()).restore(journal);

    // when
    RollbackReport again = new DnsRollback(provider(), served()).restore(journal);

    // then
    assertThat(again.complete()).isTrue();
    assertThat(again.restored()).allSatisfy(r -> assertThat(r.alreadyRestored()).isTrue());
    assertThat(bind.zoneWithoutSoa()).isEqualTo(zoneBefore);
  }

  @Test
  void rollback_recordChangedSinceByOthers_stopsThereAndReportsPending() throws Exception {
    // given: after the cutover someone edits the DMARC record mailshift wrote
    List<RollbackRecord> journal = cutover();
    bind.nsupdate("update delete _dmarc.acme.test. TXT",
        "update add _dmarc.acme.test. 600 IN TXT \"v=DMARC1; p=reject\"");

    // when
    RollbackReport report = new DnsRollback(provider(), served()).restore(journal);

    // then: restoring stops at the DMARC RRset, which keeps the other person's value
    assertThat(report.complete()).isFalse();
    assertThat(report.failure()).get().isInstanceOf(PrerequisiteFailedException.class);
    assertThat(report.pending().get(0).written().name()).isEqualTo("_dmarc.acme.test.");
    assertThat(report.restored().size() + report.pending().size()).isEqualTo(journal.size());
    RrsetKey dmarc = new RrsetKey("_dmarc.acme.test", "TXT");
    assertThat(observer.observe(DnsFixtures.ZONE, List.of(bind.nameServer()), List.of(dmarc))
        .rrset(dmarc).reference().records())
        .containsExactly(TxtValue.rdata("v=DMARC1; p=reject"));
  }

  /** Applies the three cutover stages and returns the rollback records in order. */
  private List<RollbackRecord> cutover() throws Exception {
    DnsSection dns = DnsFixtures.section(
        DnsFixtures.rfc2136(bind.hostPort()),
        DnsFixtures.newHostTargets(keys), List.of(bind.hostPort()));
    Map<String, String> dkim = DesiredRrsets.dkimValues(dns.records());
    List<DesiredRrset> all = DesiredRrsets.all(dns, dkim, dns.cutoverTtl());
    RrsetKey mx = new RrsetKey(DnsFixtures.ZONE, "MX");
    List<RollbackRecord> journal = new ArrayList<>();
    Map<RrsetKey, RrsetSnapshot> seen = observe(all);
    journal.addAll(apply(List.of(DesiredRrsets.lowerTtl(seen.get(mx), dns.cutoverTtl())), seen));
    journal.addAll(apply(all, observe(all)));
    journal.addAll(apply(List.of(DesiredRrsets.mx(dns, dns.normalTtl()).orElseThrow()),
        observe(all)));
    return journal;
  }

  private List<RollbackRecord> apply(List<DesiredRrset> desired,
      Map<RrsetKey, RrsetSnapshot> observed) throws DnsException {
    List<RollbackRecord> records = new ArrayList<>();
    for (DnsChange change : DnsDiff.between(desired, observed)) {
      records.add(RollbackRecord.of(DnsFixtures.ZONE, change)); // journal first
      provider().apply(change);
    }
    return records;
  }

  private Map<RrsetKey, RrsetSnapshot> observe(List<DesiredRrset> desired) throws DnsException {
    Set<RrsetKey> keys = desired.stream().map(DesiredRrset::key).collect(Collectors.toSet());
    return observer.observe(DnsFixtures.ZONE, List.of(bind.nameServer()), keys).references();
  }

  /** The real propagation check against the server, on a fake clock (nothing sleeps). */
  private PropagationWait served() {
    FakeClock clock = new FakeClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
    PropagationCheck check = new PropagationCheck(new DirectZoneReader(TIMEOUT), clock,
        new FakeSleeper(clock), Duration.ofSeconds(1));
    return expected -> check.await(List.of(bind.nameServer()), expected, TIMEOUT);
  }

  private Rfc2136Provider provider() {
    return new Rfc2136Provider(DnsFixtures.ZONE, bind.nameServer(), bind.tsig(), TIMEOUT);
  }
}
