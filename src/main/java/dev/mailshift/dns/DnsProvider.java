package dev.mailshift.dns;

/**
 * Makes one RRset change at a DNS host. Every implementation is a compare-and-swap: it writes only
 * if the RRset still holds {@code change.before()} (records; TTL aside, as RFC 2136 prerequisites
 * ignore TTLs), otherwise it throws {@link PrerequisiteFailedException} and changes nothing. When
 * the RRset already holds {@code change.after()} it writes nothing and says so, which makes a
 * re-run after a crash safe.
 */
public interface DnsProvider {

  /** The result of a successful {@link #apply}. */
  enum Outcome {
    /** The change was made now. */
    APPLIED,
    /** The RRset already held the new records and TTL; nothing was written. */
    ALREADY_APPLIED
  }

  Outcome apply(DnsChange change) throws DnsException;

  /** What this provider is, for plans and logs (no secrets). */
  String describe();
}
