package dev.mailshift.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Queries one authoritative server directly with a {@link SimpleResolver}: recursion desired off,
 * no cache, so the answer is the server's own zone data. Insists on the AA flag: an answer without
 * it is a referral or cached data and says nothing about the zone on that server.
 */
public final class DirectZoneReader implements ZoneReader {
  private final Duration timeout;

  public DirectZoneReader(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public RrsetSnapshot read(NameServer server, RrsetKey key) throws DnsException {
    Message response = query(server, key);
    List<Record> found =
        response.getSection(Section.ANSWER).stream()
            .filter(r -> r.getType() == key.typeCode() && r.getName().equals(key.dnsName()))
            .toList();
    return RrsetSnapshot.fromRecords(key, found);
  }

  @Override
  public ServerSoa soa(NameServer server, String zone) throws DnsException {
    RrsetKey key = new RrsetKey(zone, "SOA");
    Message response = query(server, key);
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof SOARecord soa && r.getName().equals(key.dnsName())) {
        // RFC 2308 section 5: negative answers are cached for min(SOA TTL, SOA MINIMUM).
        return new ServerSoa(
            server.label(), soa.getSerial(), Math.min(soa.getTTL(), soa.getMinimum()));
      }
    }
    String apex =
        response.getSection(Section.AUTHORITY).stream()
            .filter(r -> r.getType() == Type.SOA)
            .map(r -> r.getName().toString())
            .findFirst()
            .orElse("unknown");
    throw new NotAuthoritativeException(
        key.name() + " is not a zone apex on " + server.label() + " (the enclosing zone is " + apex
            + "). Set dns.zone to the zone's apex name.",
        server.label(), key);
  }

  private Message query(NameServer server, RrsetKey key) throws DnsException {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setTimeout(timeout);
    Message query = Message.newQuery(Record.newRecord(key.dnsName(), key.typeCode(), DClass.IN));
    // RFC 1035 section 4.1.1: RD clear, so the server answers from its own data and never
    // recurses or answers from a cache.
    query.getHeader().unsetFlag(Flags.RD);
    Message response = ServerExchange.send(resolver, query, server, key, timeout);
    int rcode = response.getRcode();
    boolean authoritative = response.getHeader().getFlag(Flags.AA);
    if ((rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) && authoritative) {
      return response;
    }
    throw failure(server.label(), key, rcode, authoritative);
  }

  private static DnsException failure(String who, RrsetKey key, int rcode, boolean authoritative) {
    return switch (rcode) {
      case Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.NOTAUTH ->
          new NotAuthoritativeException(
              who + " is not authoritative for " + key + " (" + Rcode.string(rcode)
                  + (authoritative ? "" : " without the AA flag") + "): it does not serve this"
                  + " zone, or the name is delegated to a child zone. Check dns.zone and the"
                  + " server list.",
              who, key);
      case Rcode.REFUSED ->
          new DnsRefusedException(
              who + " refused the query for " + key + ": it does not serve this zone, or does"
                  + " not answer this client. Check dns.zone, the server list and the server's"
                  + " allow-query.",
              who, key);
      default ->
          new DnsServerFailureException(
              who + " answered " + Rcode.string(rcode) + " for " + key + ": the zone may have"
                  + " failed to load there; check that server's logs.",
              who, key);
    };
  }
}
