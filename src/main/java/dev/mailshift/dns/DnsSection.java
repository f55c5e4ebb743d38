package dev.mailshift.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code dns:} section of a plan, one component per YAML key (see {@code
 * schemas/dns.schema.json}). All defaults are applied by the loader.
 *
 * @param zone the zone apex, e.g. {@code acme.example}
 * @param cutoverTtl the TTL of the MX RRset around the switch (seconds; default 300)
 * @param normalTtl the TTL mailshift writes otherwise and restores after the switch (default 3600)
 * @param servers explicit authoritative servers {@code host[:port]}, primary first; empty = the
 *     zone's NS set, found through the system's recursive resolver
 * @param timeouts how long to wait for answers and for propagation
 * @param provider how changes are made
 * @param records the desired records
 * @param outgoing the new outgoing mail hosts SPF must cover
 * @param safety which changes need an explicit confirmation
 */
public record DnsSection(
    String zone,
    long cutoverTtl,
    long normalTtl,
    List<String> servers,
    Timeouts timeouts,
    DnsProviderConfig provider,
    DnsTargets records,
    Outgoing outgoing,
    SafetyPolicy safety) {

  public DnsSection {
    zone = new RrsetKey(Objects.requireNonNull(zone, "zone"), "SOA").name();
    if (cutoverTtl < 0 || normalTtl < 0 || cutoverTtl > 0x7FFFFFFFL || normalTtl > 0x7FFFFFFFL) {
      throw new IllegalArgumentException("TTLs must be between 0 and 2147483647 seconds");
    }
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(outgoing, "outgoing");
    Objects.requireNonNull(safety, "safety");
  }

  /**
   * @param query one DNS query or update (default 5s)
   * @param propagation how long a propagation check waits for every server (default 30m)
   * @param poll the pause between propagation rounds (default 10s)
   */
  public record Timeouts(Duration query, Duration propagation, Duration poll) {
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofSeconds(10));

    public Timeouts {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(propagation, "propagation");
      Objects.requireNonNull(poll, "poll");
    }
  }

  /** The outgoing mail servers of the new host: IP addresses and host names SPF must authorise. */
  public record Outgoing(List<String> ips, List<String> hosts) {
    public static final Outgoing NONE = new Outgoing(List.of(), List.of());

    public Outgoing {
      ips = List.copyOf(ips);
      hosts = List.copyOf(hosts);
    }
  }
}
