package dev.mailshift.apply;

import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.DnsFingerprint;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.dns.DesiredRrset;
import dev.mailshift.dns.DesiredRrsets;
import dev.mailshift.dns.DnsException;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.planner.DnsChanges;
import dev.mailshift.planner.DnsObservation;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.planner.DnsPlanner;
import dev.mailshift.planner.MxGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DNS side of an apply before anything changes: observe every managed RRset, plan (or check
 * a saved plan against what is served now), and refuse, naming why, an MX switch that comes too
 * early or risky changes nobody confirmed.
 */
public final class DnsPhase {
  private final DnsRequest request;

  public DnsPhase(DnsRequest request) {
    this.request = request;
  }

  /**
   * @throws ApplyStoppedException ({@code CANNOT_OBSERVE}) when a server does not answer
   */
  public DnsObservation observe() {
    DnsSection dns = request.zone().section();
    List<RrsetKey> keys = DesiredRrsets.all(dns, request.dkimValues(), dns.cutoverTtl())
        .stream().map(DesiredRrset::key).toList();
    ZoneObservation zone;
    try {
      zone = request.zone().observe(keys);
    } catch (DnsException e) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.CANNOT_OBSERVE,
          List.of("dns " + dns.zone() + ": " + e.getMessage()));
    }
    return new DnsObservation(dns, request.dkimValues(), zone, request.lowerings(),
        request.zone().describe(), zone.observedAt());
  }

  public DnsPlan plan(Phase phase, DnsObservation observed) {
    return new DnsPlanner().plan(phase, observed);
  }

  /** How the managed RRsets a saved plan saw differ from what is served now. */
  static List<String> drift(ChangeSet saved, DnsObservation now) {
    Map<RrsetKey, RrsetSnapshot> served = now.zone().references();
    List<String> out = new ArrayList<>();
    for (DnsFingerprint f : saved.dnsFingerprints()) {
      RrsetKey key = new RrsetKey(f.name(), f.type());
      RrsetSnapshot is = served.get(key);
      if (is == null || !DnsChanges.value(is).equals(f.seen())) {
        out.add("DNS " + key + " changed since the plan: the plan saw " + f.seen().describe()
            + ", now " + (is == null ? "it is not managed any more"
                : DnsChanges.value(is).describe()));
      }
    }
    return out;
  }

  /** Refuses the DNS changes of the phase, before any is made, when they may not go ahead. */
  void precheck(List<Change> changes, DnsObservation observed) {
    DnsSection dns = request.zone().section();
    boolean switches = changes.stream().anyMatch(c -> c instanceof SetDnsRecords s
        && s.purpose() == SetDnsRecords.Purpose.SWITCH_MX);
    if (switches) {
      MxGate gate = DnsPlanner.gate(new RrsetKey(dns.zone(), "MX"), observed);
      if (gate.state() != MxGate.State.OPEN) {
        throw new ApplyStoppedException(ApplyStoppedException.Reason.MX_GATE,
            List.of("the MX switch of " + dns.zone() + " must wait: " + gate.explanation()));
      }
    }
    List<String> reasons = DnsPlanner.confirmationReasons(dns, request.dkimValues(), changes);
    if (!reasons.isEmpty() && !request.confirmed()) {
      throw new ApplyStoppedException(ApplyStoppedException.Reason.NEEDS_CONFIRMATION, reasons);
    }
  }
}
