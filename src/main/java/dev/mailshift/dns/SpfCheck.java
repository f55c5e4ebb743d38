package dev.mailshift.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the SPF policy of a domain (RFC 7208): exactly one {@code v=spf1} record, its syntax, at
 * most 10 DNS-querying terms counted through includes, a {@code -all}/{@code ~all} ending, and that
 * the new outgoing hosts are authorised.
 */
final class SpfCheck {
  private static final String CHECK = "spf";
  private final RecursiveLookup lookup;
  private final SpfEvaluator evaluator;

  SpfCheck(RecursiveLookup lookup) {
    this.lookup = lookup;
    this.evaluator = new SpfEvaluator(lookup);
  }

  /**
   * @param domain the domain the policy is for
   * @param txtValues every TXT value at the domain (strings concatenated)
   */
  List<CheckFinding> check(String domain, List<String> txtValues, DnsSection.Outgoing outgoing) {
    List<String> spf = txtValues.stream().filter(TxtValue::isSpf).toList();
    if (spf.isEmpty()) {
      return List.of(CheckFinding.error(CHECK, domain, "no SPF record (TXT v=spf1) at " + domain,
          "add dns.records.spf, e.g. \"v=spf1 include:<your provider's SPF domain> -all\""));
    }
    if (spf.size() > 1) {
      return List.of(CheckFinding.error(CHECK, domain, spf.size() + " TXT records start with"
          + " v=spf1 at " + domain + "; receivers return permerror (RFC 7208 section 4.5)",
          "merge them into one record"));
    }
    SpfRecord record = SpfRecord.parse(spf.get(0));
    List<CheckFinding> out = new ArrayList<>();
    record.problems().forEach(p -> out.add(CheckFinding.error(CHECK, domain, "SPF syntax: " + p,
        "correct the term; see RFC 7208 section 5")));
    if (!out.isEmpty()) {
      return out;
    }
    out.add(policy(domain, record));
    out.addAll(lookups(domain, record));
    out.addAll(coverage(domain, record, outgoing));
    return out;
  }

  private CheckFinding policy(String domain, SpfRecord record) {
    if (record.all().isEmpty()) {
      return record.redirect().isPresent()
          ? CheckFinding.pass(CHECK, domain, "policy ends in redirect=" + record.redirect().get())
          : CheckFinding.warning(CHECK, domain, "the policy has no 'all' term, so unlisted hosts"
              + " get neutral", "end the record with -all (or ~all while testing)");
    }
    return switch (record.all().get().qualifier()) {
      case '-' -> CheckFinding.pass(CHECK, domain, "ends in -all: unlisted hosts fail");
      case '~' -> CheckFinding.pass(CHECK, domain, "ends in ~all: unlisted hosts soft-fail");
      case '?' -> CheckFinding.warning(CHECK, domain, "ends in ?all: unlisted hosts are neutral,"
          + " which protects nothing", "use -all, or ~all while testing");
      default -> CheckFinding.error(CHECK, domain, "ends in +all: every host on the internet may"
          + " send as " + domain, "use -all, or ~all while testing");
    };
  }

  private List<CheckFinding> lookups(String domain, SpfRecord record) {
    SpfEvaluator.Count count = evaluator.countLookups(record);
    List<CheckFinding> out = new ArrayList<>();
    count.problems().forEach(p -> out.add(CheckFinding.error(CHECK, domain, p,
        "fix or remove that include")));
    if (count.lookups() > SpfEvaluator.LOOKUP_LIMIT) {
      out.add(CheckFinding.error(CHECK, domain, "the policy needs " + count.lookups()
          + " DNS lookups (include, a, mx, ptr, exists, redirect, counted through includes);"
          + " RFC 7208 section 4.6.4 allows 10, beyond that receivers return permerror",
          "replace a/mx terms by ip4:/ip6: ranges or drop includes you no longer send through"));
    } else {
      out.add(CheckFinding.pass(CHECK, domain, count.lookups() + " of 10 DNS lookups"));
    }
    return out;
  }

  private List<CheckFinding> coverage(String domain, SpfRecord record,
      DnsSection.Outgoing outgoing) {
    List<CheckFinding> out = new ArrayList<>();
    Set<InetAddress> ips = new LinkedHashSet<>();
    for (String ip : outgoing.ips()) {
      IpLiteral.parse(ip).ifPresentOrElse(ips::add, () -> out.add(CheckFinding.error(CHECK, ip,
          "'" + ip + "' in dns.outgoing.ips is not an IP address", "write an IPv4 or IPv6"
              + " address; put host names in dns.outgoing.hosts")));
    }
    for (String host : outgoing.hosts()) {
      try {
        List<InetAddress> found = lookup.addresses(host);
        if (found.isEmpty()) {
          out.add(CheckFinding.error(CHECK, host, "outgoing host " + host + " has no address",
              "check dns.outgoing.hosts"));
        }
        ips.addAll(found);
      } catch (DnsException e) {
        out.add(CheckFinding.warning(CHECK, host, "cannot resolve outgoing host " + host + ": "
            + e.getMessage(), "list its addresses in dns.outgoing.ips"));
      }
    }
    for (InetAddress ip : ips) {
      String addr = ip.getHostAddress();
      SpfEvaluator.Result result = evaluator.evaluate(domain, record, ip, 0);
      out.add(switch (result) {
        case PASS -> CheckFinding.pass(CHECK, addr, "the new outgoing host " + addr
            + " is authorised by SPF");
        case UNKNOWN -> CheckFinding.warning(CHECK, addr, "cannot decide offline whether " + addr
            + " is authorised (macros, ptr or exists in the policy)",
            "test a message from the new host, or add ip" + (addr.contains(":") ? "6:" : "4:")
                + addr);
        default -> CheckFinding.error(CHECK, addr, "the new outgoing host " + addr
            + " is not authorised by SPF (result: " + result.name().toLowerCase() + ")",
            "add ip" + (addr.contains(":") ? "6:" : "4:") + addr + " or your provider's include:"
                + " before the first mail leaves the new host");
      });
    }
    return out;
  }
}
