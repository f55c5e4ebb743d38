package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.RrsetValue;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.SetDnsRecords.Purpose;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetObservation;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.ServerSoa;
import dev.mailshift.dns.TtlLowering;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.StepKind;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DNS planner as a function: fixture observations of the acme.test zone in, changes out, no
 * network and no clock.
 */
class DnsPlannerTest {
  static final String ZONE = "acme.test.";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final RrsetKey MX = new RrsetKey(ZONE, "MX");
  static final RrsetKey APEX_TXT = new RrsetKey(ZONE, "TXT");
  static final RrsetKey DMARC = new RrsetKey("_dmarc." + ZONE, "TXT");
  static final RrsetKey CNAME = new RrsetKey("autodiscover." + ZONE, "CNAME");
  static final List<String> OLD_MX = List.of("10 mx.old.test.", "20 mx2.old.test.");
  static final List<String> NEW_MX = List.of("10 mx1.new.test.");

  static final DnsSection DNS = new DnsSection(ZONE, 300, 3600, List.of(), Optional.empty(),
      DnsSection.Timeouts.DEFAULT, new DnsProviderConfig.Manual(), new DnsTargets(
          List.of(new DnsTargets.Mx(10, "mx1.new.test")),
          Optional.of(DnsTargets.Text.of("v=spf1 ip4:198.51.100.0/24 -all")), List.of(),
          Optional.of(DnsTargets.Text.of("v=DMARC1; p=none")), List.of(),
          List.of(new DnsTargets.HostAlias("autodiscover", Optional.of("ad.new.test"),
              List.of())), List.of()),
      DnsSection.Outgoing.NONE, DnsSection.Safety.DEFAULT, DnsSection.Checks.DEFAULT,
      Location.UNKNOWN);

  /** The zone before the migration: old MX (TTL 3600), old SPF next to a verification TXT. */
  static Map<RrsetKey, RrsetSnapshot> oldZone() {
    Map<RrsetKey, RrsetSnapshot> z = new LinkedHashMap<>();
    z.put(MX, RrsetSnapshot.of(MX, 3600, OLD_MX));
    z.put(APEX_TXT, RrsetSnapshot.of(APEX_TXT, 3600,
        List.of("\"v=spf1 ip4:192.0.2.0/24 -all\"", "\"site-verification=abc\"")));
    z.put(DMARC, RrsetSnapshot.absent(DMARC));
    z.put(CNAME, RrsetSnapshot.of(CNAME, 1800, List.of("ad.old.test.")));
    z.put(new RrsetKey("autodiscover." + ZONE, "A"),
        RrsetSnapshot.absent(new RrsetKey("autodiscover." + ZONE, "A")));
    z.put(new RrsetKey("autodiscover." + ZONE, "AAAA"),
        RrsetSnapshot.absent(new RrsetKey("autodiscover." + ZONE, "AAAA")));
    return z;
  }

  static DnsObservation observed(Map<RrsetKey, RrsetSnapshot> zone, List<TtlLowering> lowerings) {
    List<RrsetObservation> rrsets = new ArrayList<>();
    zone.forEach((k, v) -> rrsets.add(new RrsetObservation(k,
        List.of(new RrsetObservation.ServerAnswer("ns1", v)))));
    return new DnsObservation(DNS, Map.of(), new ZoneObservation(ZONE,
        List.of(new ServerSoa("ns1", 1, 300)), rrsets, NOW), lowerings, "manual", NOW);
  }

  static Phase phase(StepKind... steps) {
    return new Phase("p", Optional.empty(), List.of(steps), Phase.Gate.NONE, Location.UNKNOWN);
  }

  static List<SetDnsRecords> writes(DnsPlan plan) {
    return plan.changes().stream().filter(c -> c instanceof SetDnsRecords)
        .map(c -> (SetDnsRecords) c).toList();
  }

  static TtlLowering lowered(long seconds, Instant at) {
    return new TtlLowering(ZONE, "MX", seconds, TtlLowering.Basis.SERVED_TTL, at);
  }

  @Test
  void plan_prepare_lowersMxTtlThenPublishesAuthRecordsKeepingOtherTxt() {
    // when
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_TTL, StepKind.DNS_AUTH),
        observed(oldZone(), List.of()));

    // then
    assertThat(writes(plan)).extracting(SetDnsRecords::purpose, SetDnsRecords::name,
        SetDnsRecords::type, SetDnsRecords::marker).containsExactly(
        tuple(Purpose.LOWER_TTL, ZONE, "MX", "~"),
        tuple(Purpose.AUTH, ZONE, "TXT", "~"),
        tuple(Purpose.AUTH, "_dmarc." + ZONE, "TXT", "+"),
        tuple(Purpose.AUTH, "autodiscover." + ZONE, "CNAME", "~"));
    SetDnsRecords lower = writes(plan).get(0);
    assertThat(lower.before()).isEqualTo(new RrsetValue(3600, OLD_MX));
    assertThat(lower.after()).isEqualTo(new RrsetValue(300, OLD_MX));
    assertThat(writes(plan).get(1).after().records()).containsExactlyInAnyOrder(
        "\"v=spf1 ip4:198.51.100.0/24 -all\"", "site-verification=abc");
    assertThat(plan.gate()).isEmpty();
    assertThat(plan.fingerprints()).hasSize(6);
  }

  @Test
  void plan_prepare_spfAllNeedsConfirmation_ttlLoweringDoesNot() {
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_TTL, StepKind.DNS_AUTH),
        observed(oldZone(), List.of()));

    assertThat(writes(plan).get(0).confirmationReasons()).isEmpty();
    assertThat(writes(plan).get(1).confirmationReasons()).singleElement().asString()
        .contains("SPF policy ending in -all");
    assertThat(plan.setReasons()).as("3 of 6 managed RRsets is not more than half").isEmpty();
    assertThat(plan.confirmationReasons()).isEqualTo(DnsPlanner.confirmationReasons(DNS,
        Map.of(), plan.changes()));
  }

  @Test
  void plan_moreThanTheShareOfManagedRrsets_setNeedsConfirmation() {
    DnsSection strict = new DnsSection(ZONE, 300, 3600, List.of(), Optional.empty(),
        DnsSection.Timeouts.DEFAULT, new DnsProviderConfig.Manual(), DNS.records(),
        DnsSection.Outgoing.NONE, new DnsSection.Safety(0.4), DnsSection.Checks.DEFAULT,
        Location.UNKNOWN);
    DnsObservation o = observed(oldZone(), List.of());
    DnsObservation strictly = new DnsObservation(strict, Map.of(), o.zone(), List.of(),
        "manual", NOW);

    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_AUTH), strictly);

    assertThat(plan.setReasons()).singleElement().asString()
        .contains("changes 3 of 6 managed RRsets, more than dns.safety.max-change-share (0.4)");
  }

  @Test
  void plan_ttlAlreadyLowAndNeverRecorded_stageThatWritesNothing() {
    // given
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 120, OLD_MX));

    // when
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_TTL), observed(zone, List.of()));

    // then
    assertThat(writes(plan)).singleElement().satisfies(s -> {
      assertThat(s.writes()).isFalse();
      assertThat(s.marker()).isEqualTo("=");
    });
    assertThat(plan.writes()).isFalse();
  }

  @Test
  void plan_ttlAlreadyLoweredAndRecorded_nothingToDo() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, OLD_MX));

    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_TTL),
        observed(zone, List.of(lowered(3600, NOW.minusSeconds(60)))));

    assertThat(plan.changes()).isEmpty();
  }

  @Test
  void plan_ttlStepAfterTheSwitch_nothingToStage() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 3600, NEW_MX));

    assertThat(new DnsPlanner().plan(phase(StepKind.DNS_TTL), observed(zone, List.of()))
        .changes()).isEmpty();
  }

  @Test
  void plan_cutoverBeforeTheOldTtlRanOut_switchPlannedAndGateSaysWhen() {
    // given: lowered 10 minutes ago from TTL 3600
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, OLD_MX));
    Instant loweredAt = NOW.minusSeconds(600);

    // when
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_MX, StepKind.SYNC),
        observed(zone, List.of(lowered(3600, loweredAt))));

    // then
    assertThat(writes(plan)).singleElement().satisfies(s -> {
      assertThat(s.purpose()).isEqualTo(Purpose.SWITCH_MX);
      assertThat(s.before()).isEqualTo(new RrsetValue(300, OLD_MX));
      assertThat(s.after()).isEqualTo(new RrsetValue(300, NEW_MX));
      assertThat(s.confirmationReasons()).singleElement().asString()
          .contains("replaces the MX set");
    });
    MxGate gate = plan.gate().orElseThrow();
    assertThat(gate.state()).isEqualTo(MxGate.State.WAIT);
    assertThat(gate.notBefore()).contains(loweredAt.plusSeconds(3600));
    assertThat(gate.explanation()).contains("not before 2026-03-01T12:50:00Z (in 50 min 0 s)")
        .contains("3600 s");
  }

  @Test
  void show_moment_wholeSecondsRoundedUpSoNotBeforeIsNeverEarly() {
    assertThat(MxGate.show(Instant.parse("2026-03-01T12:00:00.000000001Z")))
        .isEqualTo("2026-03-01T12:00:01Z");
    assertThat(MxGate.show(NOW)).isEqualTo("2026-03-01T12:00:00Z");
  }

  @Test
  void gate_afterTheWait_open() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, OLD_MX));
    MxGate gate = DnsPlanner.gate(MX, observed(zone,
        List.of(lowered(3600, NOW.minusSeconds(3600)))));
    assertThat(gate.state()).isEqualTo(MxGate.State.OPEN);
  }

  @Test
  void gate_neverLowered_unstaged() {
    MxGate gate = DnsPlanner.gate(MX, observed(oldZone(), List.of()));
    assertThat(gate.state()).isEqualTo(MxGate.State.UNSTAGED);
    assertThat(gate.explanation()).contains("run a phase with dns-ttl first");
  }

  @Test
  void gate_ttlRaisedAgainSinceTheLowering_unstaged() {
    MxGate gate = DnsPlanner.gate(MX, observed(oldZone(),
        List.of(lowered(3600, NOW.minusSeconds(7200)))));
    assertThat(gate.state()).isEqualTo(MxGate.State.UNSTAGED);
    assertThat(gate.explanation()).contains("served with TTL 3600 s again");
  }

  @Test
  void plan_settleAfterTheSwitch_restoresNormalTtlThenChecks() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, NEW_MX));

    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_RESTORE_TTL, StepKind.DNS_VALIDATE),
        observed(zone, List.of()));

    assertThat(plan.changes()).hasSize(2);
    assertThat(plan.changes().get(0)).isInstanceOfSatisfying(SetDnsRecords.class, s -> {
      assertThat(s.purpose()).isEqualTo(Purpose.RESTORE_TTL);
      assertThat(s.after()).isEqualTo(new RrsetValue(3600, NEW_MX));
    });
    assertThat(plan.changes().get(1)).isEqualTo(new CheckDns(ZONE));
    assertThat(plan.notes()).isEmpty();
  }

  @Test
  void plan_restoreBeforeTheSwitch_leavesTheStagedTtl() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, OLD_MX));
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_RESTORE_TTL),
        observed(zone, List.of()));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.notes()).containsExactly("dns-restore-ttl: acme.test. MX does not hold the"
        + " planned set yet (run the phase with dns-mx first): no TTL to restore");
  }

  @Test
  void plan_restoreWhenTheSwitchedSetHasTheNormalTtl_saysSo() {
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 3600, NEW_MX));

    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_RESTORE_TTL),
        observed(zone, List.of()));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.notes()).containsExactly(
        "dns-restore-ttl: acme.test. MX already has the normal TTL 3600");
  }

  @Test
  void plan_zoneAlreadyAsWanted_noWrites() {
    // given: everything published, MX switched and back at the normal TTL
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    DnsPlan first = new DnsPlanner().plan(phase(StepKind.DNS_AUTH), observed(zone, List.of()));
    writes(first).forEach(s -> zone.put(DnsChanges.key(s), DnsChanges.after(s)));
    zone.put(MX, RrsetSnapshot.of(MX, 3600, NEW_MX));

    // when
    DnsPlan again = new DnsPlanner().plan(phase(StepKind.DNS_TTL, StepKind.DNS_AUTH,
        StepKind.DNS_MX, StepKind.DNS_RESTORE_TTL), observed(zone, List.of()));

    // then
    assertThat(again.changes()).isEmpty();
    assertThat(again.writes()).isFalse();
  }

  @Test
  void plan_ttlThenMxInOnePhase_switchPlannedOnTheLoweredState() {
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_TTL, StepKind.DNS_MX),
        observed(oldZone(), List.of()));

    assertThat(writes(plan)).extracting(SetDnsRecords::purpose, s -> s.before().ttl())
        .containsExactly(tuple(Purpose.LOWER_TTL, 3600L), tuple(Purpose.SWITCH_MX, 300L));
    assertThat(plan.gate()).get().extracting(MxGate::state).isEqualTo(MxGate.State.UNSTAGED);
  }

  @Test
  void plan_serversDisagree_reported() {
    // given: a secondary still serves the old SPF
    DnsObservation base = observed(oldZone(), List.of());
    List<RrsetObservation> rrsets = new ArrayList<>();
    for (RrsetObservation r : base.zone().rrsets()) {
      RrsetSnapshot other = r.key().equals(MX) ? RrsetSnapshot.of(MX, 3600, NEW_MX)
          : r.reference();
      rrsets.add(new RrsetObservation(r.key(), List.of(r.answers().get(0),
          new RrsetObservation.ServerAnswer("ns2", other))));
    }
    DnsObservation o = new DnsObservation(DNS, Map.of(), new ZoneObservation(ZONE,
        List.of(new ServerSoa("ns1", 2, 300), new ServerSoa("ns2", 1, 300)), rrsets, NOW),
        List.of(), "manual", NOW);

    // when
    DnsPlan plan = new DnsPlanner().plan(phase(StepKind.DNS_AUTH), o);

    // then
    assertThat(plan.disagreements()).hasSize(2);
    assertThat(plan.disagreements().get(1)).contains("disagree on acme.test. MX", "ns2");
    assertThat(plan.servers()).containsExactly("ns1", "ns2");
  }

  @Test
  void planner_phaseWithDnsAndAccountSteps_changesInTheOrderOfTheSteps() {
    // given
    Map<RrsetKey, RrsetSnapshot> zone = oldZone();
    zone.put(MX, RrsetSnapshot.of(MX, 300, OLD_MX));
    Phase cutover = phase(StepKind.DNS_MX, StepKind.VALIDATE, StepKind.DNS_VALIDATE);
    DnsPlan dns = new DnsPlanner().plan(cutover, observed(zone, List.of()));
    AccountObservation alice = new AccountObservation("alice",
        new FolderMap("alice", List.of(), List.of(), List.of()), Map.of(), List.of(), Map.of(),
        dev.mailshift.planner.GmailLabels.NONE);

    // when
    ChangeSet set = new Planner().plan("acme", "sha", cutover, List.of(alice), Optional.of(dns));

    // then
    assertThat(set.changes()).extracting(Change::id).containsExactly(
        "dns-mx:acme.test.:MX", "verify:alice", "dns-validate:acme.test.");
    assertThat(set.changes().get(1)).isInstanceOf(VerifyAccount.class);
    assertThat(set.changes().get(0).account()).isEqualTo("dns:acme.test.");
    assertThat(set.dnsFingerprints()).extracting(f -> f.name() + " " + f.type())
        .containsExactly("acme.test. MX");
  }
}
