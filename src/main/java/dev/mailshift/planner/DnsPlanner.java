package dev.mailshift.planner;

import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.DnsFingerprint;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.SetDnsRecords.Purpose;
import dev.mailshift.dns.ConfirmationReason;
import dev.mailshift.dns.DesiredRrset;
import dev.mailshift.dns.DesiredRrsets;
import dev.mailshift.dns.DnsChange;
import dev.mailshift.dns.DnsDiff;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetObservation;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.SafetyPolicy;
import dev.mailshift.dns.ServerSoa;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.StepKind;
import dev.mailshift.plan.dns.DnsSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The pure function (phase, DNS observation) to the DNS changes of the phase, step by step, each
 * step planned on the zone as the previous steps leave it:
 *
 * <ul>
 *   <li>dns-ttl: while the MX set is still to be switched, its TTL goes down to the cutover TTL;
 *       if it is already that low and no lowering was recorded yet, a change that writes nothing
 *       records from when the switch may happen.
 *   <li>dns-auth: SPF, DKIM, DMARC, SRV, autoconfig hosts and removals at the normal TTL.
 *   <li>dns-mx: the MX set replaced, at the cutover TTL.
 *   <li>dns-restore-ttl: once switched, the MX set back to the normal TTL.
 *   <li>dns-validate: one check.
 * </ul>
 *
 * No I/O, no clock: the moment comes with the observation.
 */
public final class DnsPlanner {

  public DnsPlan plan(Phase phase, DnsObservation o) {
    DnsSection dns = o.section();
    String zone = dns.zone();
    Map<RrsetKey, RrsetSnapshot> seen = o.zone().references();
    Map<RrsetKey, RrsetSnapshot> state = new LinkedHashMap<>(seen);
    Optional<DesiredRrset> mx = DesiredRrsets.mx(dns, dns.cutoverTtl());
    List<DesiredRrset> auth = DesiredRrsets.authAndAutoconfig(dns, o.dkimValues());
    List<Step> planned = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<RrsetKey> fingerprinted = new LinkedHashSet<>();
    for (StepKind step : phase.steps()) {
      switch (step) {
        case DNS_TTL -> mx.ifPresent(d -> lower(d, o, state, planned, fingerprinted));
        case DNS_AUTH -> {
          auth.forEach(d -> fingerprinted.add(d.key()));
          for (DnsChange c : DnsDiff.between(auth, state)) {
            planned.add(new Write(Purpose.AUTH, c.before(), c.after()));
            state.put(c.key(), c.after());
          }
        }
        case DNS_MX -> mx.ifPresent(d -> switchMx(d, state, planned, fingerprinted));
        case DNS_RESTORE_TTL -> mx.ifPresent(d -> restore(d, dns, state, planned,
            fingerprinted, notes));
        case DNS_VALIDATE -> planned.add(new Check());
        case PREFLIGHT, SYNC, VALIDATE -> { }
      }
    }
    int managed = auth.size() + (mx.isPresent() ? 1 : 0);
    List<ConfirmationReason> reasons = new SafetyPolicy(dns.safety().maxChangeShare())
        .classify(contentChanges(planned), managed);
    List<Change> changes = new ArrayList<>();
    for (Step p : planned) {
      changes.add(switch (p) {
        case Check c -> new CheckDns(zone);
        case Write w -> DnsChanges.of(zone, w.purpose, w.before, w.after, reasonsFor(w, reasons));
      });
    }
    List<DnsFingerprint> fingerprints = fingerprinted.stream()
        .map(k -> new DnsFingerprint(zone, k.name(), k.type(), DnsChanges.value(seen.get(k))))
        .toList();
    List<String> setReasons = reasons.stream().filter(r -> r.key().isEmpty())
        .map(ConfirmationReason::reason).toList();
    Optional<MxGate> gate = mx.filter(d -> changes.stream().anyMatch(c -> c instanceof
        SetDnsRecords s && s.purpose() == Purpose.SWITCH_MX))
        .map(d -> gate(d.key(), o));
    return new DnsPlan(zone, o.provider(), servers(o), changes, fingerprints,
        o.zone().disagreements(), setReasons, gate, notes);
  }

  /**
   * Why {@code changes} need {@code --confirm}, worked out again from the changes themselves (so
   * a saved plan's own list is not trusted): per RRset ({@code name type: reason}), then for the
   * set as a whole.
   */
  public static List<String> confirmationReasons(DnsSection dns, Map<String, String> dkimValues,
      List<Change> changes) {
    int managed = DesiredRrsets.all(dns, dkimValues, dns.cutoverTtl()).size();
    List<DnsChange> content = changes.stream()
        .filter(c -> c instanceof SetDnsRecords s && s.writes()
            && (s.purpose() == Purpose.AUTH || s.purpose() == Purpose.SWITCH_MX))
        .map(c -> DnsChanges.toDnsChange((SetDnsRecords) c)).toList();
    return new SafetyPolicy(dns.safety().maxChangeShare()).classify(content, managed).stream()
        .map(r -> r.key().isEmpty() ? r.reason() : r.key() + ": " + r.reason()).toList();
  }

  /** The gate of the MX switch as observed: recorded lowerings and the TTL served now. */
  public static MxGate gate(RrsetKey mx, DnsObservation o) {
    OptionalLong served = o.zone().rrsets().stream().filter(r -> r.key().equals(mx))
        .mapToLong(RrsetObservation::maxTtl).max();
    return MxGate.decide(mx, o.lowerings(), o.section().cutoverTtl(), served, o.now());
  }

  private static void lower(DesiredRrset mx, DnsObservation o,
      Map<RrsetKey, RrsetSnapshot> state, List<Step> planned, Set<RrsetKey> fingerprinted) {
    fingerprinted.add(mx.key());
    RrsetSnapshot current = state.get(mx.key());
    long cutover = o.section().cutoverTtl();
    if (current.sameRecords(mx.target(current))) {
      return; // already switched: nothing to stage
    }
    if (current.exists() && current.ttl() > cutover) {
      RrsetSnapshot lowered = current.withTtl(cutover);
      planned.add(new Write(Purpose.LOWER_TTL, current, lowered));
      state.put(mx.key(), lowered);
    } else if (o.lowerings().stream().noneMatch(l -> l.key().equals(mx.key()))) {
      planned.add(new Write(Purpose.LOWER_TTL, current, current));
    }
  }

  private static void switchMx(DesiredRrset mx, Map<RrsetKey, RrsetSnapshot> state,
      List<Step> planned, Set<RrsetKey> fingerprinted) {
    fingerprinted.add(mx.key());
    RrsetSnapshot current = state.get(mx.key());
    RrsetSnapshot target = mx.target(current);
    if (!current.sameRecords(target)) {
      planned.add(new Write(Purpose.SWITCH_MX, current, target));
      state.put(mx.key(), target);
    }
  }

  /**
   * The normal TTL back on the switched MX set. Nothing to do when the set does not hold the
   * planned records yet (the switch has not happened: restoring then would undo the lowering
   * before the cutover) or already has the normal TTL; {@code notes} says which.
   */
  private static void restore(DesiredRrset mx, DnsSection dns,
      Map<RrsetKey, RrsetSnapshot> state, List<Step> planned, Set<RrsetKey> fingerprinted,
      List<String> notes) {
    fingerprinted.add(mx.key());
    RrsetSnapshot current = state.get(mx.key());
    if (!current.exists() || !current.sameRecords(mx.target(current))) {
      notes.add("dns-restore-ttl: " + mx.key().name() + " MX does not hold the planned set yet"
          + " (run the phase with dns-mx first): no TTL to restore");
    } else if (current.ttl() == dns.normalTtl()) {
      notes.add("dns-restore-ttl: " + mx.key().name() + " MX already has the normal TTL "
          + dns.normalTtl());
    } else {
      RrsetSnapshot restored = current.withTtl(dns.normalTtl());
      planned.add(new Write(Purpose.RESTORE_TTL, current, restored));
      state.put(mx.key(), restored);
    }
  }

  /** What the safety policy weighs: changes of content; TTL-only steps are routine. */
  private static List<DnsChange> contentChanges(List<Step> planned) {
    return planned.stream().filter(p -> p instanceof Write).map(p -> (Write) p)
        .filter(w -> w.purpose == Purpose.AUTH || w.purpose == Purpose.SWITCH_MX)
        .map(w -> DnsChange.between(w.before, w.after)).toList();
  }

  private static List<String> reasonsFor(Write p, List<ConfirmationReason> reasons) {
    if (p.purpose != Purpose.AUTH && p.purpose != Purpose.SWITCH_MX) {
      return List.of();
    }
    String key = p.before.key().toString();
    return reasons.stream().filter(r -> r.key().equals(key)).map(ConfirmationReason::reason)
        .toList();
  }

  private static List<String> servers(DnsObservation o) {
    return o.zone().soas().stream().map(ServerSoa::server).toList();
  }

  /** One planned step: a write (or a TTL stage) or the dns-validate check. */
  private sealed interface Step {}

  private record Write(Purpose purpose, RrsetSnapshot before, RrsetSnapshot after)
      implements Step {}

  private record Check() implements Step {}
}
