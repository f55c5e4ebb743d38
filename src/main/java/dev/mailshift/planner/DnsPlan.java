package dev.mailshift.planner;

import dev.mailshift.change.Change;
import dev.mailshift.change.DnsFingerprint;
import dev.mailshift.change.SetDnsRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DNS part of a phase's plan: the changes in step order, what was seen (fingerprints for a
 * saved plan), where the authoritative servers disagree, the reasons the change set as a whole
 * needs confirmation, and, when the phase switches MX, whether and from when it may.
 *
 * @param servers the servers observed (or the zone file), reference first
 * @param setReasons confirmation reasons of the whole set (the share of managed RRsets);
 *     per-change reasons are on the changes
 */
public record DnsPlan(
    String zone,
    String provider,
    List<String> servers,
    List<Change> changes,
    List<DnsFingerprint> fingerprints,
    List<String> disagreements,
    List<String> setReasons,
    Optional<MxGate> gate,
    List<String> notes) {
  public DnsPlan {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(provider, "provider");
    servers = List.copyOf(servers);
    changes = List.copyOf(changes);
    fingerprints = List.copyOf(fingerprints);
    disagreements = List.copyOf(disagreements);
    setReasons = List.copyOf(setReasons);
    Objects.requireNonNull(gate, "gate");
    notes = List.copyOf(notes);
  }

  /** A plan without notes on steps that have nothing to do. */
  public DnsPlan(String zone, String provider, List<String> servers, List<Change> changes,
      List<DnsFingerprint> fingerprints, List<String> disagreements, List<String> setReasons,
      Optional<MxGate> gate) {
    this(zone, provider, servers, changes, fingerprints, disagreements, setReasons, gate,
        List.of());
  }

  /** Every reason this plan needs {@code --confirm}: per change, then for the whole set. */
  public List<String> confirmationReasons() {
    List<String> out = new java.util.ArrayList<>();
    changes.stream().filter(c -> c instanceof SetDnsRecords).map(c -> (SetDnsRecords) c)
        .forEach(s -> s.confirmationReasons().forEach(r -> out.add(s.name() + " " + s.type()
            + ": " + r)));
    out.addAll(setReasons);
    return out;
  }

  /** True when some change writes a record. */
  public boolean writes() {
    return changes.stream().anyMatch(c -> c instanceof SetDnsRecords s && s.writes());
  }
}
