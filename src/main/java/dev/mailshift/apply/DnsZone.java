package dev.mailshift.apply;

import dev.mailshift.dns.DnsEngine;
import dev.mailshift.dns.DnsException;
import dev.mailshift.dns.DnsProvider;
import dev.mailshift.dns.MailAuthChecks;
import dev.mailshift.dns.NameServer;
import dev.mailshift.dns.PropagationResult;
import dev.mailshift.dns.Rfc2136Provider;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.Sleeper;
import dev.mailshift.dns.ZoneFileProvider;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.xbill.DNS.Resolver;

/**
 * One plan's zone, connected: its authoritative servers, its provider (for rfc2136, the TSIG key
 * already checked with a signed query), where its current state is read from (the servers, or the
 * zone file for the zonefile provider) and how propagation is awaited. Built once per command.
 */
public final class DnsZone {
  private final DnsSection section;
  private final DnsEngine engine;
  private final List<NameServer> servers;
  private final DnsProvider provider;
  private final Clock clock;

  private DnsZone(DnsSection section, DnsEngine engine, List<NameServer> servers,
      DnsProvider provider, Clock clock) {
    this.section = section;
    this.engine = engine;
    this.servers = List.copyOf(servers);
    this.provider = provider;
    this.clock = clock;
  }

  /**
   * Finds the servers (the plan's list, else the zone's NS set; a zone file without servers has
   * none), builds the provider and, for rfc2136, checks the key. Changes nothing.
   *
   * @param tsigSecret the resolved secret of {@code dns.provider.tsig} (rfc2136 only)
   * @param out where the manual provider prints what the operator has to do
   * @throws DnsException when a server does not answer, is not authoritative or refuses the key
   */
  public static DnsZone connect(DnsSection section, Optional<Secret> tsigSecret,
      Resolver recursive, Clock clock, Sleeper sleeper, Consumer<String> out)
      throws DnsException {
    DnsEngine engine = new DnsEngine(recursive, clock, sleeper);
    boolean fileOnly = section.provider() instanceof DnsProviderConfig.ZoneFile
        && section.servers().isEmpty();
    List<NameServer> servers = fileOnly ? List.of() : engine.servers(section);
    DnsProvider provider = engine.provider(section, servers, tsigSecret, out);
    if (provider instanceof Rfc2136Provider rfc2136) {
      rfc2136.checkKey();
    }
    return new DnsZone(section, engine, servers, provider, clock);
  }

  public DnsSection section() {
    return section;
  }

  public DnsProvider provider() {
    return provider;
  }

  public List<NameServer> servers() {
    return servers;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The provider and the servers, for the plan text. */
  public String describe() {
    return provider.describe();
  }

  /**
   * Every given RRset as the zone holds it: on every server, the first being the reference; for
   * the zonefile provider, the file is the reference.
   */
  public ZoneObservation observe(Collection<RrsetKey> keys) throws DnsException {
    if (provider instanceof ZoneFileProvider file) {
      return file.observe(keys);
    }
    return engine.observe(section, servers, keys);
  }

  /**
   * Waits until every server answers {@code expected}, or the plan's propagation timeout. A zone
   * file without servers has nothing to wait for: deploying the file is the repository's job.
   */
  public PropagationResult await(RrsetSnapshot expected) throws InterruptedException {
    if (servers.isEmpty()) {
      return new PropagationResult(expected, true, clock.instant(), 0, List.of());
    }
    return engine.propagation(section).await(servers, expected, section.timeouts().propagation());
  }

  public MailAuthChecks checks() {
    return engine.checks(section);
  }

  @Override
  public String toString() {
    return "DnsZone[" + section.zone() + ", " + provider.describe() + "]";
  }

  /** Equality is identity: a connected zone is a resource, not a value. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(section.zone());
  }
}
