package dev.mailshift.dns;

/**
 * Reads one RRset or the zone's SOA from one authoritative server, directly (recursion off, no
 * cache). The real implementation is {@link DirectZoneReader}; tests use fakes.
 */
public interface ZoneReader {
  RrsetSnapshot read(NameServer server, RrsetKey key) throws DnsException;

  ServerSoa soa(NameServer server, String zone) throws DnsException;
}
