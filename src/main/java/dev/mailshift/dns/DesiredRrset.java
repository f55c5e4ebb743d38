package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One RRset as mailshift wants it. With {@link Scope#WHOLE_RRSET} the RRset becomes exactly
 * {@code records} (empty = must not exist). With {@link Scope#SPF_ONLY} (the apex TXT RRset) only
 * the {@code v=spf1} record is managed: other TXT records there (site verifications) and, if the
 * RRset exists, its TTL are kept.
 */
public record DesiredRrset(RrsetKey key, long ttl, List<String> records, Scope scope) {

  public enum Scope {
    WHOLE_RRSET,
    SPF_ONLY
  }

  public DesiredRrset {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scope, "scope");
    // canonical form, validated by the snapshot
    records = RrsetSnapshot.of(key, ttl, records).records();
    if (scope == Scope.SPF_ONLY && !key.type().equals("TXT")) {
      throw new IllegalArgumentException("SPF_ONLY applies to TXT RRsets, not " + key);
    }
  }

  public static DesiredRrset whole(RrsetKey key, long ttl, List<String> records) {
    return new DesiredRrset(key, ttl, records, Scope.WHOLE_RRSET);
  }

  /** The RRset this desire leads to, given what the reference server serves now. */
  public RrsetSnapshot target(RrsetSnapshot observed) {
    if (!observed.key().equals(key)) {
      throw new IllegalArgumentException("observed " + observed.key() + " for desired " + key);
    }
    return switch (scope) {
      case WHOLE_RRSET -> RrsetSnapshot.of(key, ttl, records);
      case SPF_ONLY -> {
        List<String> merged = new ArrayList<>(records);
        observed.records().stream()
            .filter(r -> !TxtValue.isSpf(TxtValue.joined(r)))
            .forEach(merged::add);
        yield RrsetSnapshot.of(key, observed.exists() ? observed.ttl() : ttl, merged);
      }
    };
  }
}
