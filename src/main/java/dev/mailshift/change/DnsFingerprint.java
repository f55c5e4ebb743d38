package dev.mailshift.change;

import java.util.Objects;

/**
 * A managed RRset as {@code plan} saw it on the zone's reference server (or zone file). A saved
 * plan whose fingerprint no longer matches is stale: someone changed the record since.
 */
public record DnsFingerprint(String zone, String name, String type, RrsetValue seen) {
  public DnsFingerprint {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(seen, "seen");
  }
}
