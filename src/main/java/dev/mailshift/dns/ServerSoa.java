package dev.mailshift.dns;

/**
 * A server's SOA for the zone: the serial and the negative-caching TTL, which RFC 2308 section 5
 * defines as the smaller of the SOA record's own TTL and its MINIMUM field. A resolver that asked
 * for a name before it existed may keep "no such record" for that long.
 */
public record ServerSoa(String server, long serial, long negativeTtl) {}
