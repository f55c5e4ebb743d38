package dev.mailshift.plan.check;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.StepKind;
import dev.mailshift.plan.dns.DnsNames;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code dns:} section means, checked before any server is asked: records a receiver or
 * resolver would reject (an MX or SRV target that is an IP address, a null MX next to others, an
 * SPF text with two {@code v=spf1}, DMARC without {@code p=}), two declarations of one RRset, and
 * DNS steps in a plan without a {@code dns:} section. Each problem points at the element.
 */
final class DnsChecks {
  private static final Pattern SPF_VERSION =
      Pattern.compile("(?i)(^|\\s)v=spf1(\\s|$)");
  private static final List<String> POLICIES = List.of("none", "quarantine", "reject");

  private final List<Problem> problems = new ArrayList<>();

  static List<Problem> check(Plan plan) {
    DnsChecks c = new DnsChecks();
    c.steps(plan);
    plan.dns().ifPresent(dns -> {
      c.ttls(dns);
      c.mx(dns.records().mx());
      dns.records().spf().ifPresent(c::spf);
      dns.records().dmarc().ifPresent(c::dmarc);
      c.targets(dns.records());
      c.declaredOnce(dns);
    });
    return List.copyOf(c.problems);
  }

  private void steps(Plan plan) {
    boolean dnsOnly = plan.dns().isPresent() && plan.servers().isEmpty()
        && plan.accounts().isEmpty();
    for (Phase p : plan.phases()) {
      List<String> accountSteps = p.steps().stream().filter(s -> !s.isDns())
          .map(StepKind::yamlName).toList();
      // the implicit phase (no phases: at all) is reported by the loader, at the plan's top
      if (dnsOnly && !accountSteps.isEmpty() && !p.location().equals(Location.UNKNOWN)) {
        problems.add(Problem.error(p.location(), "phase " + p.name() + " runs "
            + String.join(", ", accountSteps) + " but the plan has no servers: and accounts:"
            + " (a DNS-only plan)", "remove those steps (a DNS-only plan runs dns-ttl, dns-auth,"
            + " dns-mx, dns-restore-ttl and dns-validate), or add servers: and accounts:"));
      }
      List<String> dnsSteps = p.steps().stream().filter(StepKind::isDns)
          .map(StepKind::yamlName).toList();
      if (dnsSteps.isEmpty()) {
        continue;
      }
      if (plan.dns().isEmpty()) {
        problems.add(Problem.error(p.location(), "phase " + p.name() + " runs "
            + String.join(", ", dnsSteps) + " but the plan has no dns: section",
            "add dns: with zone, provider and records, or remove the DNS steps"));
      } else if (plan.dns().get().records().mx().isEmpty()
          && p.steps().stream().anyMatch(s -> s == StepKind.DNS_MX || s == StepKind.DNS_TTL)) {
        problems.add(Problem.warning(p.location(), "phase " + p.name() + " runs dns-ttl or"
            + " dns-mx but dns.records.mx is empty, so there is no MX set to stage or switch",
            "declare dns.records.mx, or remove those steps"));
      }
    }
  }

  private void ttls(DnsSection dns) {
    if (dns.cutoverTtl() >= dns.normalTtl()) {
      problems.add(Problem.warning(dns.location(), "dns.cutover-ttl (" + dns.cutoverTtl()
          + ") is not below dns.normal-ttl (" + dns.normalTtl() + "): dns-ttl shortens nothing,"
          + " and resolvers keep the old MX set as long as before", "use a cutover-ttl such as"
          + " 300 and a normal-ttl such as 3600"));
    }
  }

  private void mx(List<DnsTargets.Mx> mx) {
    boolean nullMx = mx.stream().anyMatch(m -> m.host().equals("."));
    for (DnsTargets.Mx m : mx) {
      if (nullMx && mx.size() > 1 && m.host().equals(".")) {
        problems.add(Problem.error(m.location(), "a null MX (host \".\") must be the only MX"
            + " record (RFC 7505 section 3)", "remove the null MX, or the other MX records"));
      }
      if (DnsNames.isIpLiteral(m.host())) {
        problems.add(Problem.error(m.location(), "MX " + m.priority() + " points at the IP"
            + " address " + m.host() + "; an MX target must be a host name (RFC 5321 section"
            + " 5.1), senders treat an address there as a name that does not exist",
            "point the MX at the mail server's host name (create an A record for it if needed)"));
      }
    }
  }

  private void spf(DnsTargets.Text spf) {
    Matcher m = SPF_VERSION.matcher(spf.value());
    int versions = 0;
    while (m.find()) {
      versions++;
    }
    if (versions > 1) {
      problems.add(Problem.error(spf.location(), "dns.records.spf holds " + versions
          + " 'v=spf1' policies; receivers treat that as a permanent error (RFC 7208 section"
          + " 4.5) and reject or ignore the policy", "merge them into one policy: one v=spf1,"
          + " then the terms of both, one 'all' at the end"));
    }
    long alls = java.util.Arrays.stream(spf.value().toLowerCase(Locale.ROOT).split("\\s+"))
        .filter(t -> t.matches("[-+~?]?all")).count();
    if (alls > 1) {
      problems.add(Problem.error(spf.location(), "dns.records.spf has " + alls + " 'all'"
          + " terms; only the first counts and the rest is never read", "keep one 'all' at the"
          + " end of the policy"));
    }
  }

  private void dmarc(DnsTargets.Text dmarc) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String part : dmarc.value().split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
            part.substring(eq + 1).strip());
      }
    }
    Optional<String> p = Optional.ofNullable(tags.get("p"));
    if (p.isEmpty()) {
      problems.add(Problem.error(dmarc.location(), "dns.records.dmarc has no p= tag;"
          + " receivers ignore a DMARC record without a policy (RFC 7489 section 6.3)",
          "add the policy right after the version: \"v=DMARC1; p=none; ...\" (then quarantine,"
              + " then reject)"));
    }
    policy(dmarc, "p", p);
    policy(dmarc, "sp", Optional.ofNullable(tags.get("sp")));
    String pct = tags.get("pct");
    if (pct != null && !(pct.matches("\\d{1,3}") && Integer.parseInt(pct) <= 100)) {
      problems.add(Problem.error(dmarc.location(), "dns.records.dmarc has pct=" + pct
          + "; it must be a whole number from 0 to 100", "write e.g. pct=100, or remove pct"));
    }
  }

  private void policy(DnsTargets.Text dmarc, String tag, Optional<String> value) {
    value.filter(v -> !POLICIES.contains(v.toLowerCase(Locale.ROOT))).ifPresent(v ->
        problems.add(Problem.error(dmarc.location(), "dns.records.dmarc has " + tag + "=" + v
            + "; the policy is none, quarantine or reject", "write " + tag + "=none,"
            + " quarantine or reject")));
  }

  private void targets(DnsTargets t) {
    for (DnsTargets.Srv s : t.srv()) {
      if (DnsNames.isIpLiteral(s.target())) {
        problems.add(Problem.error(s.location(), "SRV " + s.service() + " targets the IP"
            + " address " + s.target() + "; an SRV target must be a host name (RFC 2782)",
            "point it at the server's host name"));
      }
    }
    for (DnsTargets.HostAlias h : t.autoconfig()) {
      h.cname().filter(DnsNames::isIpLiteral).ifPresent(c -> problems.add(Problem.error(
          h.location(), "autoconfig " + h.name() + " has the CNAME target " + c + ", an IP"
              + " address; a CNAME names a host", "use addresses: [" + c + "] instead")));
      h.addresses().stream().filter(a -> !DnsNames.isIpLiteral(a)).forEach(a ->
          problems.add(Problem.error(h.location(), "autoconfig " + h.name() + " lists '" + a
              + "' under addresses, which is not an IP address", "write IPv4 or IPv6"
              + " addresses, or use cname: for a host name")));
    }
  }

  /** Every RRset is declared by one element only: two would fight over it. */
  private void declaredOnce(DnsSection dns) {
    String zone = dns.zone();
    DnsTargets t = dns.records();
    Map<String, Location> seen = new HashMap<>();
    t.mx().stream().findFirst().ifPresent(m -> declare(seen, zone + " MX", m.location(),
        "dns.records.mx"));
    t.spf().ifPresent(s -> declare(seen, zone + " TXT", s.location(), "dns.records.spf"));
    t.dmarc().ifPresent(d -> declare(seen, "_dmarc." + zone + " TXT", d.location(),
        "dns.records.dmarc"));
    for (DnsTargets.Dkim d : t.dkim()) {
      declare(seen, owner(zone, d.selector() + "._domainkey") + " TXT", d.location(),
          "DKIM selector " + d.selector());
    }
    Map<String, Location> services = new LinkedHashMap<>();
    t.srv().forEach(s -> services.putIfAbsent(owner(zone, s.service()) + " SRV", s.location()));
    services.forEach((key, where) -> declare(seen, key, where, "dns.records.srv"));
    for (DnsTargets.HostAlias h : t.autoconfig()) {
      String name = owner(zone, h.name());
      declare(seen, name + " CNAME", h.location(), "autoconfig " + h.name());
      seen.putIfAbsent(name + " A", h.location());
      seen.putIfAbsent(name + " AAAA", h.location());
    }
    for (DnsTargets.Removal r : t.remove()) {
      declare(seen, owner(zone, r.name()) + " " + r.type(), r.location(),
          "remove " + r.name() + " " + r.type());
    }
  }

  private void declare(Map<String, Location> seen, String key, Location where, String what) {
    Location first = seen.putIfAbsent(key, where);
    if (first != null) {
      problems.add(Problem.error(where, what + " declares the RRset " + key + ", which is"
          + " already declared at " + first, "declare each name and type once"));
    }
  }

  private static String owner(String zone, String name) {
    try {
      return DnsNames.owner(zone, name);
    } catch (IllegalArgumentException e) {
      return name; // reported by the loader
    }
  }
}
