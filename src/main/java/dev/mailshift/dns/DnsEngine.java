package dev.mailshift.dns;

import dev.mailshift.plan.Secret;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.xbill.DNS.Resolver;

/**
 * The entry point the apply layer wires: builds the observer, providers, propagation check, TTL
 * gate and checks for one plan's {@link DnsSection} from a recursive resolver, a clock and a
 * sleeper. Holds no state beyond those three.
 */
public final class DnsEngine {
  private final Resolver recursive;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param recursive a recursive resolver for NS discovery, SPF includes and MX/SRV targets
   *     (e.g. {@code new SimpleResolver()} on the system's resolver)
   */
  public DnsEngine(Resolver recursive, Clock clock, Sleeper sleeper) {
    this.recursive = Objects.requireNonNull(recursive, "recursive");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The authoritative servers: the plan's {@code servers} if given, else the zone's NS set. */
  public List<NameServer> servers(DnsSection dns) throws DnsException {
    if (!dns.servers().isEmpty()) {
      return AuthoritativeServers.fromOverride(dns.servers());
    }
    return new AuthoritativeServers(recursive, dns.timeouts().query(), NameServer.DNS_PORT)
        .discover(dns.zone());
  }

  /** Every managed RRset on every server, the first server being the reference. */
  public ZoneObservation observe(DnsSection dns, List<NameServer> servers,
      Collection<RrsetKey> keys) throws DnsException {
    return new DnsObserver(reader(dns), clock).observe(dns.zone(), servers, keys);
  }

  /**
   * The provider the plan names. For {@code zonefile}, plan against {@link
   * ZoneFileProvider#read} (the file) rather than the servers, which lag until the repository
   * is deployed.
   *
   * @param tsigSecret the resolved secret of {@code dns.provider.tsig} (rfc2136 only)
   * @param out where the manual provider prints its instructions
   */
  public DnsProvider provider(DnsSection dns, List<NameServer> servers,
      Optional<Secret> tsigSecret, Consumer<String> out) {
    Duration query = dns.timeouts().query();
    return switch (dns.provider()) {
      case DnsProviderConfig.Rfc2136 r -> Rfc2136Provider.of(dns.zone(), r,
          tsigSecret.orElseThrow(() -> new IllegalArgumentException(
              "the rfc2136 provider needs the TSIG secret resolved")), query);
      case DnsProviderConfig.ZoneFile z -> new ZoneFileProvider(dns.zone(), z.file(), clock);
      case DnsProviderConfig.Manual m -> new ManualProvider(dns.zone(), servers, reader(dns),
          propagation(dns), dns.timeouts().propagation(), out);
    };
  }

  public PropagationCheck propagation(DnsSection dns) {
    return new PropagationCheck(reader(dns), clock, sleeper, dns.timeouts().poll());
  }

  public TtlGate ttlGate() {
    return new TtlGate(clock);
  }

  public MailAuthChecks checks(DnsSection dns) {
    return new MailAuthChecks(new LookupSessionLookup(recursive, dns.timeouts().query()),
        dns.checks());
  }

  private ZoneReader reader(DnsSection dns) {
    return new DirectZoneReader(dns.timeouts().query());
  }
}
