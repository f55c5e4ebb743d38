package dev.mailshift.dns;

import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail-authentication checks of a {@code validate} step: SPF, DKIM, DMARC, MX and SRV. Run
 * them on the state a zone will have after the plan ({@link #zoneState}) before the first mail
 * leaves the new host, and on the observed live zone afterwards. Only the SPF includes and the MX
 * / SRV targets are looked up, through the injected {@link RecursiveLookup}; with {@code
 * dns.checks.mx-smtp} enabled, each address of each MX target is connected to on the SMTP port.
 */
public final class MailAuthChecks {
  private final RecursiveLookup lookup;
  private final Optional<SmtpProbe> smtp;

  /** The checks as {@code checks} configures them. */
  public MailAuthChecks(RecursiveLookup lookup, DnsSection.Checks checks) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    DnsSection.MxSmtp mxSmtp = checks.mxSmtp();
    this.smtp = mxSmtp.enabled()
        ? Optional.of(new SmtpProbe(mxSmtp.port(), mxSmtp.timeout())) : Optional.empty();
  }

  /** The checks that need no network beyond {@code lookup}: no SMTP connection is made. */
  public MailAuthChecks(RecursiveLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.smtp = Optional.empty();
  }

  public List<CheckFinding> spf(String domain, List<String> txtValues,
      DnsSection.Outgoing outgoing) {
    return new SpfCheck(lookup).check(domain, txtValues, outgoing);
  }

  /** @param txtRecords the TXT records at the selector name, each as its strings */
  public List<CheckFinding> dkim(String name, List<List<String>> txtRecords,
      Optional<DkimKeyPair> generated) {
    return new DkimCheck().check(name, txtRecords, generated);
  }

  public List<CheckFinding> dmarc(String name, List<String> txtValues) {
    return new DmarcCheck().check(name, txtValues);
  }

  public List<CheckFinding> mx(String zone, List<DnsTargets.Mx> mx) {
    return new HostChecks(lookup, smtp).mx(zone, mx);
  }

  public List<CheckFinding> srv(String zone, List<DnsTargets.Srv> srv) {
    return new HostChecks(lookup, Optional.empty()).srv(zone, srv);
  }

  /**
   * Every check for what the plan declares, against a zone state (the state after the plan's
   * changes, or the observed zone).
   *
   * @param state the RRsets by key; must hold every key the declared records need
   * @param keys the key pairs mailshift generated, by selector
   */
  public List<CheckFinding> zoneState(DnsSection dns, Map<RrsetKey, RrsetSnapshot> state,
      Map<String, DkimKeyPair> keys) {
    String zone = dns.zone();
    DnsTargets t = dns.records();
    List<CheckFinding> out = new ArrayList<>();
    if (t.spf().isPresent()) {
      out.addAll(spf(zone, values(state, new RrsetKey(zone, "TXT")), dns.outgoing()));
    }
    for (DnsTargets.Dkim d : t.dkim()) {
      RrsetKey key = DesiredRrsets.owner(zone, d.selector() + "._domainkey", "TXT");
      List<List<String>> records = snapshot(state, key).records().stream()
          .map(TxtValue::strings).toList();
      out.addAll(dkim(key.name(), records, Optional.ofNullable(keys.get(d.selector()))));
    }
    if (t.dmarc().isPresent()) {
      RrsetKey key = DesiredRrsets.owner(zone, "_dmarc", "TXT");
      out.addAll(dmarc(key.name(), values(state, key)));
    }
    out.addAll(mx(zone, t.mx()));
    out.addAll(srv(zone, t.srv()));
    return out;
  }

  private static List<String> values(Map<RrsetKey, RrsetSnapshot> state, RrsetKey key) {
    return snapshot(state, key).records().stream().map(TxtValue::joined).toList();
  }

  private static RrsetSnapshot snapshot(Map<RrsetKey, RrsetSnapshot> state, RrsetKey key) {
    RrsetSnapshot s = state.get(key);
    if (s == null) {
      throw new IllegalArgumentException(key + " is not in the zone state to check");
    }
    return s;
  }
}
