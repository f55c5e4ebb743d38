package dev.mailshift.plan.dns;

import dev.mailshift.plan.Location;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code dns:} section of a plan, one component per YAML key (see {@code
 * schemas/plan.schema.json}, {@code $defs/dns}). All defaults are applied by the loader.
 *
 * @param zone the zone apex, canonical (lower case, final dot), e.g. {@code acme.example.}
 * @param cutoverTtl the TTL of the MX RRset around the switch (seconds; default 300)
 * @param normalTtl the TTL mailshift writes otherwise and restores after the switch (default 3600)
 * @param servers explicit authoritative servers {@code host[:port]}, primary first; empty = the
 *     zone's NS set, found through the recursive resolver
 * @param resolver the recursive resolver {@code host[:port]} for finding the zone's servers and
 *     checking SPF includes and MX/SRV targets; empty = the system's resolver
 * @param timeouts how long to wait for answers and for propagation
 * @param provider how changes are made
 * @param records the desired records
 * @param outgoing the new outgoing mail hosts SPF must cover
 * @param safety which changes need an explicit confirmation
 * @param checks what dns-validate checks beyond the records (the MX hosts' SMTP service)
 */
public record DnsSection(
    String zone,
    long cutoverTtl,
    long normalTtl,
    List<String> servers,
    Optional<String> resolver,
    Timeouts timeouts,
    DnsProviderConfig provider,
    DnsTargets records,
    Outgoing outgoing,
    Safety safety,
    Checks checks,
    Location location) {

  /** RFC 2181 section 8: a TTL is an unsigned 31-bit number. */
  public static final long MAX_TTL = 0x7FFFFFFFL;

  public DnsSection {
    zone = DnsNames.absolute(Objects.requireNonNull(zone, "zone"));
    if (cutoverTtl < 0 || normalTtl < 0 || cutoverTtl > MAX_TTL || normalTtl > MAX_TTL) {
      throw new IllegalArgumentException("TTLs must be between 0 and 2147483647 seconds");
    }
    servers = List.copyOf(servers);
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(outgoing, "outgoing");
    Objects.requireNonNull(safety, "safety");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(location, "location");
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

  /**
   * Which changes need {@code --confirm} besides the MX set, SPF {@code -all} and a stricter DMARC
   * policy.
   *
   * @param maxChangeShare the share (0..1) of managed RRsets one phase may change unconfirmed
   */
  public record Safety(double maxChangeShare) {
    public static final Safety DEFAULT = new Safety(0.5);

    public Safety {
      if (!(maxChangeShare >= 0 && maxChangeShare <= 1)) {
        throw new IllegalArgumentException("max-change-share must be between 0 and 1");
      }
    }
  }

  /** What {@code dns-validate} checks beyond the published records. */
  public record Checks(MxSmtp mxSmtp) {
    public static final Checks DEFAULT = new Checks(MxSmtp.DEFAULT);

    public Checks {
      Objects.requireNonNull(mxSmtp, "mxSmtp");
    }
  }

  /**
   * The SMTP probe of every MX target: connect to each of its addresses on {@code port}, read the
   * 220 greeting, say QUIT. Off where this machine cannot reach port 25 (many networks block it).
   *
   * @param port where the probe connects: 25 for real MX hosts (RFC 5321 section 4.5.4.2: an
   *     SMTP server listens on port 25, and senders know no other), another only for a test setup
   * @param timeout for the connection and for the greeting each
   */
  public record MxSmtp(boolean enabled, int port, Duration timeout) {
    public static final int SMTP_PORT = 25;
    public static final MxSmtp DEFAULT = new MxSmtp(true, SMTP_PORT, Duration.ofSeconds(10));

    public MxSmtp {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be between 1 and 65535");
      }
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    }
  }
}
