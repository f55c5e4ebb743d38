package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Desired versus observed, per managed RRset. Only the RRsets named by the desired list are
 * looked at; everything else in the zone is left alone. Pure.
 */
public final class DnsDiff {
  private DnsDiff() {}

  /**
   * The changes that bring the observed zone to the desired state: deletions first (so a CNAME can
   * replace an A record, RFC 1034 section 3.6.2), then additions and replacements in key order.
   * Empty when the zone already matches.
   *
   * @param observed the reference snapshot per key (see {@link ZoneObservation#references()});
   *     must hold every desired key
   */
  public static List<DnsChange> between(
      List<DesiredRrset> desired, Map<RrsetKey, RrsetSnapshot> observed) {
    List<DnsChange> changes = new ArrayList<>();
    for (DesiredRrset d : desired) {
      RrsetSnapshot before = observed.get(d.key());
      if (before == null) {
        throw new IllegalArgumentException(d.key() + " was not observed; observe every managed"
            + " RRset before diffing");
      }
      RrsetSnapshot after = d.target(before);
      if (!after.equals(before)) {
        changes.add(DnsChange.between(before, after));
      }
    }
    changes.sort(Comparator.comparing((DnsChange c) -> c.kind() != DnsChange.Kind.DELETE)
        .thenComparing(DnsChange::key));
    return List.copyOf(changes);
  }

  /** Every change rendered for review, one block per RRset. */
  public static List<String> render(List<DnsChange> changes) {
    return changes.stream().flatMap(c -> c.render().stream()).toList();
  }

  /** The zone state after {@code changes}: the observed snapshots with each change's result. */
  public static Map<RrsetKey, RrsetSnapshot> stateAfter(
      Map<RrsetKey, RrsetSnapshot> observed, List<DnsChange> changes) {
    Map<RrsetKey, RrsetSnapshot> state = new java.util.LinkedHashMap<>(observed);
    changes.forEach(c -> state.put(c.key(), c.after()));
    return state;
  }
}
