package dev.mailshift.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks MX and SRV targets: MX hosts are host names, not IP addresses (RFC 5321 section 5.1 looks
 * up the MX target's address records; an address literal there is a name that does not exist),
 * a null MX stands alone (RFC 7505), and every target resolves.
 */
final class HostChecks {
  private final RecursiveLookup lookup;

  HostChecks(RecursiveLookup lookup) {
    this.lookup = lookup;
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
      out.add(resolves("mx", m.host(), "MX target"));
    }
    return out;
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
      out.add(resolves("srv", s.target(), "SRV target of " + s.service()));
    }
    return out;
  }

  private CheckFinding resolves(String check, String host, String what) {
    try {
      List<InetAddress> addresses = lookup.addresses(host);
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
