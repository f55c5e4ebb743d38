package dev.mailshift.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * Finds the servers to observe: either an explicit override list ({@code host:port}, for tests and
 * split-horizon setups) or the zone's NS set and their addresses, looked up through a recursive
 * resolver with a {@link LookupSession}. The SOA MNAME (the primary) comes first.
 */
public final class AuthoritativeServers {
  private final LookupSession session;
  private final Duration timeout;
  private final int port;

  /**
   * @param recursive a recursive resolver (e.g. a {@code SimpleResolver} on the system resolver)
   * @param port the port the discovered servers are queried on (53 outside tests)
   */
  public AuthoritativeServers(Resolver recursive, Duration timeout, int port) {
    // No cache: a session lives for one observation and must not remember "not found".
    this.session = LookupSession.builder().resolver(recursive).clearCaches().build();
    this.timeout = timeout;
    this.port = port;
  }

  /** The override list, in the order given. */
  public static List<NameServer> fromOverride(List<String> hostPorts) {
    if (hostPorts.isEmpty()) {
      throw new IllegalArgumentException("the name server override list is empty");
    }
    return hostPorts.stream().map(NameServer::parse).toList();
  }

  /** The zone's NS targets with every address, primary (SOA MNAME) first, then by name. */
  public List<NameServer> discover(String zone) throws DnsException {
    RrsetKey nsKey = new RrsetKey(zone, "NS");
    Name apex = nsKey.dnsName();
    List<Record> ns = lookup(apex, Type.NS, nsKey, false);
    if (ns.isEmpty()) {
      throw new NotAuthoritativeException(
          zone + " has no NS records: it is not a zone apex. Set dns.zone to the zone's apex or"
              + " list the servers explicitly.",
          "", nsKey);
    }
    Name primary =
        lookup(apex, Type.SOA, new RrsetKey(zone, "SOA"), true).stream()
            .map(r -> ((SOARecord) r).getHost())
            .findFirst()
            .orElse(null);
    List<Name> hosts =
        ns.stream()
            .map(r -> ((NSRecord) r).getTarget())
            .sorted(Comparator.comparing((Name n) -> !n.equals(primary)).thenComparing(n -> n))
            .toList();
    List<NameServer> servers = new ArrayList<>();
    for (Name host : hosts) {
      for (int type : new int[] {Type.A, Type.AAAA}) {
        for (Record r : lookup(host, type, RrsetKey.of(host, type), true)) {
          var addr = r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress();
          servers.add(new NameServer(host.toString(), new InetSocketAddress(addr, port)));
        }
      }
    }
    if (servers.isEmpty()) {
      throw new DnsServerFailureException(
          "no address for any name server of " + zone + " (" + hosts + ")", "", nsKey);
    }
    return List.copyOf(servers);
  }

  private List<Record> lookup(Name name, int type, RrsetKey key, boolean emptyIfMissing)
      throws DnsException {
    try {
      return session.lookupAsync(name, type).toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecords();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof NoSuchRRSetException
          || (emptyIfMissing && e.getCause() instanceof NoSuchDomainException)) {
        return List.of();
      }
      if (e.getCause() instanceof LookupFailedException lf) {
        throw new DnsServerFailureException(
            "looking up " + key + " failed: " + lf.getMessage(), "", key, lf);
      }
      throw new DnsTimeoutException("looking up " + key + " failed: " + e.getCause(), "", key, e);
    } catch (TimeoutException e) {
      throw new DnsTimeoutException(
          "no answer for " + key + " from the recursive resolver within "
              + timeout.toSeconds() + "s", "", key, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DnsTimeoutException("interrupted looking up " + key, "", key, e);
    }
  }
}
