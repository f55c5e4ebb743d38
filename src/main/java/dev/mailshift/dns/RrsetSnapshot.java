package dev.mailshift.dns;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * One RRset as a server answered it (or as mailshift wants it): owner name, type, TTL and the
 * record data in canonical presentation form, sorted and without duplicates. An empty {@code
 * records} list means the RRset does not exist; its TTL is then 0. Plain strings and numbers only,
 * so it serialises to JSON as is (rollback records and the journal hold it).
 */
public record RrsetSnapshot(String name, String type, long ttl, List<String> records) {

  public RrsetSnapshot {
    RrsetKey key = new RrsetKey(name, type);
    name = key.name();
    type = key.type();
    Objects.requireNonNull(records, "records");
    if (ttl < 0 || ttl > 0x7FFFFFFFL) {
      throw new IllegalArgumentException("TTL out of range for " + key + ": " + ttl);
    }
    Name owner = key.dnsName();
    TreeSet<String> canonical = new TreeSet<>();
    for (String rdata : records) {
      canonical.add(RdataText.canonical(owner, key.typeCode(), rdata));
    }
    records = List.copyOf(canonical);
    if (records.isEmpty()) {
      ttl = 0;
    }
  }

  public static RrsetSnapshot absent(RrsetKey key) {
    return new RrsetSnapshot(key.name(), key.type(), 0, List.of());
  }

  public static RrsetSnapshot of(RrsetKey key, long ttl, Collection<String> rdata) {
    return new RrsetSnapshot(key.name(), key.type(), ttl, List.copyOf(rdata));
  }

  /**
   * The RRset made of these dnsjava records (all of the key's name and type). RFC 2181 section 5.2
   * deprecates differing TTLs within an RRset; if a server still serves them, the smallest counts.
   */
  public static RrsetSnapshot fromRecords(RrsetKey key, Collection<? extends Record> found) {
    long ttl = found.stream().mapToLong(Record::getTTL).min().orElse(0);
    return of(key, ttl, found.stream().map(Record::rdataToString).toList());
  }

  public RrsetKey key() {
    return new RrsetKey(name, type);
  }

  /** False when the RRset does not exist (no records). */
  public boolean exists() {
    return !records.isEmpty();
  }

  /** Same record data, whatever the TTLs. */
  public boolean sameRecords(RrsetSnapshot other) {
    return key().equals(other.key()) && records.equals(other.records);
  }

  public RrsetSnapshot withTtl(long newTtl) {
    return new RrsetSnapshot(name, type, newTtl, records);
  }

  /** dnsjava records with this snapshot's TTL (class IN). */
  public List<Record> toRecords() {
    return toRecords(ttl);
  }

  List<Record> toRecords(long withTtl) {
    RrsetKey key = key();
    return records.stream()
        .map(r -> RdataText.parse(key.dnsName(), key.typeCode(), withTtl, r))
        .toList();
  }

  /** Zone-file lines, one per record: {@code name TTL IN TYPE data}; "(absent)" when empty. */
  public List<String> lines() {
    if (!exists()) {
      return List.of(name + " " + type + " (absent)");
    }
    return records.stream().map(r -> name + " " + ttl + " IN " + type + " " + r).toList();
  }
}
