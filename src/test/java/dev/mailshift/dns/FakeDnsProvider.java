package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory zone with the providers' contract: compare-and-swap on the records of {@code
 * before}, "already applied" when the RRset holds {@code after}.
 */
final class FakeDnsProvider implements DnsProvider {
  private final Map<RrsetKey, RrsetSnapshot> zone = new LinkedHashMap<>();
  private final List<DnsChange> applied = new ArrayList<>();

  FakeDnsProvider with(RrsetSnapshot snapshot) {
    zone.put(snapshot.key(), snapshot);
    return this;
  }

  RrsetSnapshot get(RrsetKey key) {
    return zone.getOrDefault(key, RrsetSnapshot.absent(key));
  }

  List<DnsChange> applied() {
    return List.copyOf(applied);
  }

  @Override
  public Outcome apply(DnsChange change) throws DnsException {
    RrsetSnapshot current = get(change.key());
    if (current.equals(change.after())) {
      return Outcome.ALREADY_APPLIED;
    }
    if (!current.sameRecords(change.before())) {
      throw new PrerequisiteFailedException("fake", change.before(), current, "NXRRSET");
    }
    zone.put(change.key(), change.after());
    applied.add(change);
    return Outcome.APPLIED;
  }

  @Override
  public String describe() {
    return "fake";
  }
}
