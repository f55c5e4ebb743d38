package dev.mailshift.planner;

import dev.mailshift.change.RrsetValue;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.dns.DnsChange;
import dev.mailshift.dns.RrsetKey;
import dev.mailshift.dns.RrsetSnapshot;
import java.util.List;

/**
 * Between the DNS engine's RRset types and the plain data of change sets: a {@link SetDnsRecords}
 * carries strings and numbers only; the engine works on {@link RrsetSnapshot}s.
 */
public final class DnsChanges {
  private DnsChanges() {}

  public static RrsetValue value(RrsetSnapshot snapshot) {
    return new RrsetValue(snapshot.ttl(), snapshot.records());
  }

  public static RrsetSnapshot snapshot(String name, String type, RrsetValue value) {
    return RrsetSnapshot.of(new RrsetKey(name, type), value.ttl(), value.records());
  }

  public static RrsetSnapshot before(SetDnsRecords s) {
    return snapshot(s.name(), s.type(), s.before());
  }

  public static RrsetSnapshot after(SetDnsRecords s) {
    return snapshot(s.name(), s.type(), s.after());
  }

  public static RrsetKey key(SetDnsRecords s) {
    return new RrsetKey(s.name(), s.type());
  }

  /** The engine's change for a change that writes ({@link SetDnsRecords#writes()}). */
  public static DnsChange toDnsChange(SetDnsRecords s) {
    return DnsChange.between(before(s), after(s));
  }

  static SetDnsRecords of(String zone, SetDnsRecords.Purpose purpose, RrsetSnapshot before,
      RrsetSnapshot after, List<String> reasons) {
    return new SetDnsRecords(zone, before.name(), before.type(), purpose, value(before),
        value(after), reasons);
  }
}
