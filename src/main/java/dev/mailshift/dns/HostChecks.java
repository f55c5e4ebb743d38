package dev.mailshift.dns;

import dev.mailshift.plan.dns.DnsTargets;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks MX and SRV targets: MX hosts are host names, not IP addresses (RFC 5321 section 5.1 looks
 * up the MX target's address records; an address literal there is a name that does not exist),
 * a null MX stands alone (RFC 7505), every target resolves, and, with an {@link SmtpProbe}, every
 * address of every MX host greets on the SMTP port.
 */
final class HostChecks {
  static final String SMTP_CHECK = "mx-smtp";
  private static final String SKIP =
      "skip this check with dns.checks.mx-smtp: { enabled: false }";

  private final RecursiveLookup lookup;
  private final Optional<SmtpProbe> smtp;

  HostChecks(RecursiveLookup lookup, Optional<SmtpProbe> smtp) {
    this.lookup = lookup;
    this.smtp = smtp;
  }

  List<CheckFinding> mx(String zone, List<DnsTargets.Mx> mx) {
    List<CheckFinding> out = new ArrayList<>();
    boolean nullMx = mx.stream().anyMatch(m -> m.host().equals("."));
    if (nullMx && mx.size() > 1) {
      out.add(CheckFinding.error("mx", zone, "a null MX (\".\") must be the only MX record"
          + " (RFC 7505 section 3)", "remove the null MX or the other MX records"));
    }
    for (DnsTargets.Mx m : mx) {
      if (m.host().equals(".")) {
        continue;
      }
      if (IpLiteral.parse(m.host()).isPresent()) {
        out.add(CheckFinding.error("mx", m.host(), "MX " + m.priority() + " points at the IP"
            + " address " + m.host() + "; an MX target must be a host name",
            "create an A/AAAA record (e.g. mx." + zone.replaceAll("\\.$", "") + ") for "
                + m.host() + " and point the MX at that name"));
        continue;
      }
      List<InetAddress> addresses = new ArrayList<>();
      out.add(resolves("mx", m.host(), "MX target", addresses));
      smtp.ifPresent(probe -> addresses.forEach(a -> out.add(smtp(probe, m.host(), a))));
    }
    return out;
  }

  /** One address of an MX host on the SMTP port: a greeting passes, no connection fails. */
  private static CheckFinding smtp(SmtpProbe probe, String host, InetAddress address) {
    String where = "MX target " + host + " (" + address.getHostAddress() + ") on port "
        + probe.port();
    return switch (probe.probe(address)) {
      case SmtpAnswer.Greeted g -> CheckFinding.pass(SMTP_CHECK, host, where + " greets: "
          + g.line());
      case SmtpAnswer.Replied r when r.code() == 554 -> CheckFinding.warning(SMTP_CHECK, host,
          where + " refuses this machine: '" + r.line() + "' (RFC 5321 section 3.1)",
          "check the host's access rules (it may refuse only this machine's address), or "
              + SKIP);
      case SmtpAnswer.Replied r -> CheckFinding.error(SMTP_CHECK, host, where + " answers '"
          + r.line() + "' instead of a 220 greeting: it does not take mail now",
          "check the SMTP service on " + host + " before the MX switch");
      case SmtpAnswer.NotSmtp n -> CheckFinding.error(SMTP_CHECK, host, where + " answers '"
          + n.line() + "', which is not an SMTP greeting", "point the MX at the host of the"
          + " mail server, or move the other service off port " + probe.port());
      case SmtpAnswer.Silent s -> CheckFinding.warning(SMTP_CHECK, host, where + " took the"
          + " connection but sent no greeting within " + probe.timeout().toSeconds() + "s",
          "check the SMTP service on " + host + "; a server that holds back its greeting on"
              + " purpose passes with a longer dns.checks.mx-smtp.timeout");
      case SmtpAnswer.NoConnection n -> CheckFinding.error(SMTP_CHECK, host, where
          + " does not take a TCP connection: " + n.reason(), "start the SMTP service on "
          + host + " and open port " + probe.port() + " to the internet before the MX switch;"
          + " if this machine cannot reach port " + probe.port() + " at all (many networks"
          + " block outgoing port 25), " + SKIP);
      case SmtpAnswer.Unreachable u -> CheckFinding.warning(SMTP_CHECK, host, "cannot reach "
          + where + " from this machine: " + u.reason(), "run the check from a machine with a"
          + " route to " + address.getHostAddress() + ", or " + SKIP);
    };
  }

  List<CheckFinding> srv(String zone, List<DnsTargets.Srv> srv) {
    List<CheckFinding> out = new ArrayList<>();
    for (DnsTargets.Srv s : srv) {
      String subject = s.service() + "." + zone;
      if (!s.service().matches("_[A-Za-z0-9-]+\\._(tcp|udp)")) {
        out.add(CheckFinding.error("srv", subject, "'" + s.service() + "' is not a service name"
            + " like _imaps._tcp (RFC 6186 section 3)", "use _service._tcp"));
        continue;
      }
      if (s.target().equals(".")) {
        out.add(CheckFinding.pass("srv", subject, "service declared as not offered (target .)"));
        continue;
      }
      if (s.port() == 0) {
        out.add(CheckFinding.error("srv", subject, "port 0 with a real target",
            "set the service's port, e.g. 993 for _imaps._tcp"));
      }
      if (IpLiteral.parse(s.target()).isPresent()) {
        out.add(CheckFinding.error("srv", subject, "SRV target " + s.target() + " is an IP"
            + " address; it must be a host name (RFC 2782)", "point it at the server's name"));
        continue;
      }
      out.add(resolves("srv", s.target(), "SRV target of " + s.service(), new ArrayList<>()));
    }
    return out;
  }

  /** Whether {@code host} has addresses; they are added to {@code found}. */
  private CheckFinding resolves(String check, String host, String what,
      List<InetAddress> found) {
    try {
      List<InetAddress> addresses = lookup.addresses(host);
      found.addAll(addresses);
      if (addresses.isEmpty()) {
        return CheckFinding.error(check, host, what + " " + host + " has no A or AAAA record",
            "create the address records for " + host + " first, or fix the name");
      }
      return CheckFinding.pass(check, host, what + " " + host + " resolves to "
          + addresses.stream().map(InetAddress::getHostAddress).toList());
    } catch (DnsException e) {
      return CheckFinding.warning(check, host, "cannot resolve " + what + " " + host + ": "
          + e.getMessage(), "check the resolver, then run the checks again");
    }
  }
}
