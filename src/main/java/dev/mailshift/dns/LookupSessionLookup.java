package dev.mailshift.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * {@link RecursiveLookup} through a dnsjava {@link LookupSession} on an explicit recursive
 * resolver, without a cache (a check must see records created a moment ago).
 */
public final class LookupSessionLookup implements RecursiveLookup {
  private final LookupSession session;
  private final Duration timeout;

  public LookupSessionLookup(Resolver recursive, Duration timeout) {
    this.session = LookupSession.builder().resolver(recursive).clearCaches().build();
    this.timeout = timeout;
  }

  @Override
  public List<String> txt(String name) throws DnsException {
    return lookup(name, Type.TXT).stream()
        .map(r -> String.join("", ((TXTRecord) r).getStrings())).toList();
  }

  @Override
  public List<InetAddress> addresses(String host) throws DnsException {
    List<InetAddress> out = new ArrayList<>();
    lookup(host, Type.A).forEach(r -> out.add(((ARecord) r).getAddress()));
    lookup(host, Type.AAAA).forEach(r -> out.add(((AAAARecord) r).getAddress()));
    return out;
  }

  @Override
  public List<String> mx(String domain) throws DnsException {
    return lookup(domain, Type.MX).stream().map(r -> (MXRecord) r)
        .sorted(Comparator.comparingInt(MXRecord::getPriority))
        .map(r -> r.getTarget().toString()).toList();
  }

  private List<Record> lookup(String name, int type) throws DnsException {
    RrsetKey key = new RrsetKey(name, Type.string(type));
    try {
      return session.lookupAsync(key.dnsName(), type).toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecords();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof NoSuchDomainException
          || e.getCause() instanceof NoSuchRRSetException) {
        return List.of();
      }
      throw new DnsServerFailureException(
          "looking up " + key + " failed: " + e.getCause().getMessage(), "", key, e.getCause());
    } catch (TimeoutException e) {
      throw new DnsTimeoutException("no answer for " + key + " within " + timeout.toSeconds()
          + "s from the recursive resolver", "", key, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DnsTimeoutException("interrupted looking up " + key, "", key, e);
    }
  }
}
