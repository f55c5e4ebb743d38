package dev.mailshift.apply;

import dev.mailshift.dns.CheckFinding;
import dev.mailshift.dns.DesiredRrset;
import dev.mailshift.dns.DesiredRrsets;
import dev.mailshift.dns.DnsException;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetObservation;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.plan.dns.DnsSection;
import java.util.ArrayList;
import java.util.List;

/**
 * The dns-validate step's findings: every authoritative server serves each managed RRset as the
 * plan wants it (the MX set switched, SPF, DKIM, DMARC, SRV and autoconfig published), the
 * servers agree, and the mail-authentication checks pass on what is served.
 */
final class DnsValidation {
  private static final String CHECK = "servers";
  private final DnsRequest request;

  DnsValidation(DnsRequest request) {
    this.request = request;
  }

  List<CheckFinding> findings() {
    DnsSection dns = request.zone().section();
    List<DesiredRrset> desired =
        DesiredRrsets.all(dns, request.dkimValues(), dns.cutoverTtl());
    ZoneObservation live;
    try {
      live = request.zone().observe(desired.stream().map(DesiredRrset::key).toList());
    } catch (DnsException e) {
      return List.of(new CheckFinding(CHECK, CheckFinding.Verdict.ERROR, dns.zone(),
          "cannot read the zone: " + e.getMessage(), "check the servers, then run again"));
    }
    List<CheckFinding> out = new ArrayList<>();
    for (DesiredRrset d : desired) {
      out.add(served(d, live.rrset(d.key())));
    }
    live.disagreements().stream().filter(m -> m.contains("SOA serial")).forEach(m ->
        out.add(new CheckFinding(CHECK, CheckFinding.Verdict.WARNING, dns.zone(), m,
            "wait for the secondaries to transfer the zone, then run again")));
    out.addAll(request.zone().checks().zoneState(dns, live.references(),
        request.generatedKeys()));
    return out;
  }

  private static CheckFinding served(DesiredRrset d, RrsetObservation observed) {
    RrsetKey key = d.key();
    RrsetSnapshot want = d.target(observed.reference());
    List<String> wrong = observed.answers().stream()
        .filter(a -> !a.snapshot().sameRecords(want))
        .map(a -> a.server() + " serves " + String.join(" | ", a.snapshot().lines()))
        .toList();
    if (wrong.isEmpty()) {
      return new CheckFinding(CHECK, CheckFinding.Verdict.PASS, key.toString(),
          "every server serves the planned " + key, "");
    }
    return new CheckFinding(CHECK, CheckFinding.Verdict.ERROR, key.toString(), key
        + " is not as planned (" + String.join("; ", wrong) + "; planned: "
        + String.join(" | ", want.lines()) + ")", "run the phase that writes it (dns-auth,"
        + " dns-mx), or wait for the secondaries");
  }
}
