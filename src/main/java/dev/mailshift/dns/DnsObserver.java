package dev.mailshift.dns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Observes a zone: asks every authoritative server, directly, for its SOA and for each managed
 * RRset. Reads only. The first server in the list is the reference (put the primary, where
 * updates go, first).
 */
public final class DnsObserver {
  private final ZoneReader reader;
  private final Clock clock;

  public DnsObserver(ZoneReader reader, Clock clock) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param zone the zone apex
   * @param servers the zone's authoritative servers, reference first; never empty
   * @param keys the managed RRsets; all must be in the zone
   * @throws DnsException the first server that fails to answer, refuses, or is not authoritative
   */
  public ZoneObservation observe(String zone, List<NameServer> servers, Collection<RrsetKey> keys)
      throws DnsException {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no authoritative servers to observe " + zone);
    }
    for (RrsetKey key : keys) {
      if (!key.isInZone(zone)) {
        throw new IllegalArgumentException(key + " is outside zone " + zone);
      }
    }
    List<ServerSoa> soas = new ArrayList<>();
    for (NameServer server : servers) {
      soas.add(reader.soa(server, zone));
    }
    List<RrsetObservation> rrsets = new ArrayList<>();
    for (RrsetKey key : new TreeSet<>(keys)) {
      List<RrsetObservation.ServerAnswer> answers = new ArrayList<>();
      for (NameServer server : servers) {
        answers.add(new RrsetObservation.ServerAnswer(server.label(), reader.read(server, key)));
      }
      rrsets.add(new RrsetObservation(key, answers));
    }
    return new ZoneObservation(zone, soas, rrsets, clock.instant());
  }
}
