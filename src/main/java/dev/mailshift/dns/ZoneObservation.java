package dev.mailshift.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The managed RRsets of one zone as every authoritative server answered them, with each server's
 * SOA and the time of observation. Read-only snapshot; the reference answers (first server) are
 * what a diff is computed against.
 */
public record ZoneObservation(
    String zone, List<ServerSoa> soas, List<RrsetObservation> rrsets, Instant observedAt) {

  public ZoneObservation {
    zone = new RrsetKey(zone, "SOA").name();
    soas = List.copyOf(soas);
    rrsets = List.copyOf(rrsets);
    Objects.requireNonNull(observedAt, "observedAt");
  }

  public RrsetObservation rrset(RrsetKey key) {
    return rrsets.stream()
        .filter(o -> o.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(key + " was not observed"));
  }

  /** The reference snapshot of every observed RRset, by key. */
  public Map<RrsetKey, RrsetSnapshot> references() {
    return rrsets.stream()
        .collect(Collectors.toMap(RrsetObservation::key, RrsetObservation::reference, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  /**
   * The longest negative-caching TTL any server advertises (RFC 2308 section 5): how long a
   * resolver may remember that a name being created did not exist.
   */
  public long negativeTtl() {
    return soas.stream().mapToLong(ServerSoa::negativeTtl).max().orElse(0);
  }

  /** Every disagreement between servers: differing SOA serials and differing RRsets. */
  public List<String> disagreements() {
    List<String> out = new ArrayList<>();
    Map<Long, List<String>> bySerial =
        soas.stream()
            .collect(Collectors.groupingBy(ServerSoa::serial,
                Collectors.mapping(ServerSoa::server, Collectors.toList())));
    if (bySerial.size() > 1) {
      out.add("authoritative servers serve different SOA serials for " + zone + ": "
          + bySerial.entrySet().stream()
              .map(e -> e.getKey() + " on " + String.join(", ", e.getValue()))
              .collect(Collectors.joining("; ")));
    }
    rrsets.stream().map(RrsetObservation::disagreement).flatMap(java.util.Optional::stream)
        .forEach(out::add);
    return List.copyOf(out);
  }
}
