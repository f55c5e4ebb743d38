package dev.mailshift.dns;

import java.util.Objects;

/**
 * What a DNS change needs to be undone, journalled before the change is made: the RRset before
 * (with its TTL) and the RRset mailshift wrote. Strings and numbers only, so it serialises to JSON
 * as is.
 *
 * @param zone the zone the change was made in
 * @param previous the RRset before the change (records and TTL); empty records = it did not exist
 * @param written the RRset mailshift wrote; restoring requires the RRset still to hold it
 */
public record RollbackRecord(String zone, RrsetSnapshot previous, RrsetSnapshot written) {

  public RollbackRecord {
    zone = new RrsetKey(Objects.requireNonNull(zone, "zone"), "SOA").name();
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(written, "written");
    if (!previous.key().equals(written.key())) {
      throw new IllegalArgumentException("a rollback record covers one RRset");
    }
  }

  public static RollbackRecord of(String zone, DnsChange change) {
    return new RollbackRecord(zone, change.before(), change.after());
  }

  /** The change that restores {@code previous}, with {@code written} as its prerequisite. */
  public DnsChange restore() {
    return DnsChange.between(written, previous);
  }
}
