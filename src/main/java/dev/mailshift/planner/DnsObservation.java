package dev.mailshift.planner;

import dev.mailshift.dns.TtlLowering;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.plan.dns.DnsSection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the DNS planner needs, already observed: the plan's section, the DKIM key values (read or
 * created by the caller), every managed RRset as each authoritative server (or the zone file)
 * answered it, the TTL lowerings earlier runs recorded, and the moment of planning.
 *
 * @param provider the provider's description, for the plan text
 * @param now when the observation was made (the MX gate is shown relative to it)
 */
public record DnsObservation(
    DnsSection section,
    Map<String, String> dkimValues,
    ZoneObservation zone,
    List<TtlLowering> lowerings,
    String provider,
    Instant now) {
  public DnsObservation {
    Objects.requireNonNull(section, "section");
    dkimValues = Map.copyOf(dkimValues);
    Objects.requireNonNull(zone, "zone");
    lowerings = List.copyOf(lowerings);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(now, "now");
  }
}
