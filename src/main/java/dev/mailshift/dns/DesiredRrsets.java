package dev.mailshift.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a plan's {@link DnsSection} into the RRsets mailshift manages. The authentication and
 * autoconfiguration records use the normal TTL; the MX set takes the TTL of the stage it is
 * written in (cutover TTL around the switch, normal TTL after). Pure apart from {@link
 * #dkimValues}, which reads or creates DKIM key files.
 */
public final class DesiredRrsets {
  private DesiredRrsets() {}

  /** Every managed RRset: MX (with {@code mxTtl}) and all others (normal TTL). */
  public static List<DesiredRrset> all(
      DnsSection dns, Map<String, String> dkimValues, long mxTtl) {
    List<DesiredRrset> out = new ArrayList<>();
    mx(dns, mxTtl).ifPresent(out::add);
    out.addAll(authAndAutoconfig(dns, dkimValues));
    return List.copyOf(out);
  }

  /** The apex MX RRset with the given TTL; empty when the plan does not manage MX. */
  public static Optional<DesiredRrset> mx(DnsSection dns, long ttl) {
    if (dns.records().mx().isEmpty()) {
      return Optional.empty();
    }
    List<String> rdata =
        dns.records().mx().stream().map(m -> m.priority() + " " + fqdn(m.host())).toList();
    return Optional.of(DesiredRrset.whole(new RrsetKey(dns.zone(), "MX"), ttl, rdata));
  }

  /**
   * The TTL-lowering stage: the RRset exactly as observed, with {@code ttl}. Written days before
   * the switch so resolvers drop the long TTL in time.
   */
  public static DesiredRrset lowerTtl(RrsetSnapshot observed, long ttl) {
    return DesiredRrset.whole(observed.key(), ttl, observed.records());
  }

  /** SPF, DKIM, DMARC, SRV, autoconfig hosts and removals, at the normal TTL. */
  public static List<DesiredRrset> authAndAutoconfig(
      DnsSection dns, Map<String, String> dkimValues) {
    DnsTargets t = dns.records();
    long ttl = dns.normalTtl();
    String zone = dns.zone();
    Map<RrsetKey, DesiredRrset> out = new LinkedHashMap<>();
    t.spf().ifPresent(spf -> put(out, new DesiredRrset(new RrsetKey(zone, "TXT"), ttl,
        List.of(TxtValue.rdata(spf)), DesiredRrset.Scope.SPF_ONLY)));
    for (DnsTargets.Dkim d : t.dkim()) {
      String value = dkimValues.get(d.selector());
      if (value == null) {
        throw new IllegalArgumentException("no DKIM key value for selector " + d.selector());
      }
      put(out, DesiredRrset.whole(owner(zone, d.selector() + "._domainkey", "TXT"), ttl,
          List.of(TxtValue.rdata(value))));
    }
    t.dmarc().ifPresent(v -> put(out, DesiredRrset.whole(owner(zone, "_dmarc", "TXT"), ttl,
        List.of(TxtValue.rdata(v)))));
    srv(zone, t.srv(), ttl).forEach(d -> put(out, d));
    t.autoconfig().forEach(h -> alias(zone, h, ttl).forEach(d -> put(out, d)));
    for (DnsTargets.Removal r : t.remove()) {
      put(out, DesiredRrset.whole(owner(zone, r.name(), r.type()), ttl, List.of()));
    }
    return List.copyOf(out.values());
  }

  /** The DKIM key record value per selector; {@code key: generate} keys are read or created. */
  public static Map<String, String> dkimValues(DnsTargets targets) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (DnsTargets.Dkim d : targets.dkim()) {
      String value = switch (d.key()) {
        case DnsTargets.DkimKey.Generate g ->
            DkimKeys.loadOrGenerate(g.privateKeyFile(), d.algorithm()).txtValue();
        case DnsTargets.DkimKey.Given g -> DkimKeys.txtValue(d.algorithm(), g.publicKey());
      };
      values.put(d.selector(), value);
    }
    return values;
  }

  /**
   * An owner name relative to the zone ({@code @} is the apex); a name ending in a dot is absolute
   * and must lie in the zone.
   */
  public static RrsetKey owner(String zone, String name, String type) {
    String absolute = name.equals("@") ? zone
        : name.endsWith(".") ? name
        : name + "." + zone;
    RrsetKey key = new RrsetKey(absolute, type);
    if (!key.isInZone(zone)) {
      throw new IllegalArgumentException(name + " is not in zone " + zone
          + ": write names relative to the zone (e.g. autoconfig) or inside it");
    }
    return key;
  }

  private static List<DesiredRrset> srv(String zone, List<DnsTargets.Srv> srv, long ttl) {
    Map<RrsetKey, List<String>> byOwner = new LinkedHashMap<>();
    for (DnsTargets.Srv s : srv) {
      byOwner.computeIfAbsent(owner(zone, s.service(), "SRV"), k -> new ArrayList<>())
          .add(s.priority() + " " + s.weight() + " " + s.port() + " " + fqdn(s.target()));
    }
    return byOwner.entrySet().stream()
        .map(e -> DesiredRrset.whole(e.getKey(), ttl, e.getValue())).toList();
  }

  private static List<DesiredRrset> alias(String zone, DnsTargets.HostAlias h, long ttl) {
    // A CNAME cannot coexist with other data (RFC 1034 section 3.6.2): managing one kind means
    // making sure the other is absent, in the same plan.
    RrsetKey cname = owner(zone, h.name(), "CNAME");
    RrsetKey a = owner(zone, h.name(), "A");
    RrsetKey aaaa = owner(zone, h.name(), "AAAA");
    if (h.cname().isPresent()) {
      return List.of(DesiredRrset.whole(a, ttl, List.of()),
          DesiredRrset.whole(aaaa, ttl, List.of()),
          DesiredRrset.whole(cname, ttl, List.of(fqdn(h.cname().get()))));
    }
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (String address : h.addresses()) {
      (isIpv6(address) ? v6 : v4).add(address);
    }
    return List.of(DesiredRrset.whole(cname, ttl, List.of()),
        DesiredRrset.whole(a, ttl, v4), DesiredRrset.whole(aaaa, ttl, v6));
  }

  private static boolean isIpv6(String address) {
    InetAddress ip = IpLiteral.parse(address)
        .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
    return ip instanceof java.net.Inet6Address;
  }

  private static void put(Map<RrsetKey, DesiredRrset> out, DesiredRrset desired) {
    if (out.putIfAbsent(desired.key(), desired) != null) {
      throw new IllegalArgumentException(desired.key() + " is declared twice in dns.records");
    }
  }

  private static String fqdn(String host) {
    return host.endsWith(".") ? host : host + ".";
  }
}
