package dev.mailshift.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded TTL lowering (the dns-ttl step): which RRset, the largest TTL the authoritative
 * servers served before it, how long resolvers may still hold the old answer ({@code
 * waitSeconds}, on the given {@code basis}), and when the lowered TTL was seen on every server.
 */
public record TtlLoweringRecord(
    long runId,
    String zone,
    String name,
    String type,
    long servedTtl,
    long waitSeconds,
    String basis,
    Instant loweredAt) {
  public TtlLoweringRecord {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(loweredAt, "loweredAt");
  }
}
