package dev.mailshift.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * For a DNS host without an API: prints exactly what to change, then waits until every
 * authoritative server answers the new RRset (through the {@link PropagationCheck}, so the wait
 * runs on an injected clock). Checks first that the RRset still holds what was observed.
 */
public final class ManualProvider implements DnsProvider {
  private final String zone;
  private final List<NameServer> servers;
  private final ZoneReader reader;
  private final PropagationCheck check;
  private final Duration timeout;
  private final Consumer<String> out;

  /**
   * @param servers the zone's authoritative servers, reference first
   * @param out where instructions go (the terminal), one block per call
   */
  public ManualProvider(String zone, List<NameServer> servers, ZoneReader reader,
      PropagationCheck check, Duration timeout, Consumer<String> out) {
    this.zone = new RrsetKey(zone, "SOA").name();
    this.servers = List.copyOf(servers);
    if (this.servers.isEmpty()) {
      throw new IllegalArgumentException("the manual provider needs the zone's servers");
    }
    this.reader = Objects.requireNonNull(reader, "reader");
    this.check = Objects.requireNonNull(check, "check");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Outcome apply(DnsChange change) throws DnsException {
    NameServer reference = servers.get(0);
    RrsetSnapshot current = reader.read(reference, change.key());
    boolean done = current.equals(change.after());
    if (!done && !current.sameRecords(change.before())) {
      throw new PrerequisiteFailedException(reference.label(), change.before(), current, "");
    }
    if (!done) {
      out.accept(instructions(change));
    }
    PropagationResult result;
    try {
      result = check.await(servers, change.after(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PropagationTimeoutException(
          "interrupted while waiting for " + change.key(), "", change.key(), e);
    }
    if (!result.complete()) {
      throw new PropagationTimeoutException(
          "after " + timeout.toMinutes() + " min not every authoritative server answers the new "
              + change.key() + ":\n" + result.pendingDescription()
              + "\n  Make the change as shown, then run apply again: it checks again and goes on.",
          "", change.key());
    }
    out.accept("verified: all " + servers.size() + " authoritative servers answer the new "
        + change.key());
    return done ? Outcome.ALREADY_APPLIED : Outcome.APPLIED;
  }

  /** The text an operator follows at the DNS host's web interface. */
  public String instructions(DnsChange change) {
    RrsetKey key = change.key();
    List<String> lines = new ArrayList<>();
    String relative = relativeName(key);
    String action = switch (change.kind()) {
      case ADD -> "create";
      case REPLACE -> "change";
      case DELETE -> "delete";
    };
    lines.add("At the DNS host of zone " + zone + ", " + action + " the " + key.type()
        + " records of " + relative + " (" + key.name() + "):");
    if (change.after().exists()) {
      lines.add("  TTL " + change.after().ttl() + ", exactly these values and no others:");
      change.after().records().forEach(r -> lines.add("      " + display(key, r)));
    }
    List<String> removed = change.before().records().stream()
        .filter(r -> !change.after().records().contains(r)).toList();
    if (!removed.isEmpty()) {
      lines.add("  remove these values:");
      removed.forEach(r -> lines.add("      " + display(key, r)));
    }
    lines.add("mailshift checks " + servers.size() + " authoritative server(s) until all answer"
        + " this, for up to " + timeout.toMinutes() + " min.");
    return String.join("\n", lines);
  }

  private String relativeName(RrsetKey key) {
    if (key.name().equals(zone)) {
      return "@ (the zone apex)";
    }
    return key.name().substring(0, key.name().length() - zone.length() - 1);
  }

  private static String display(RrsetKey key, String rdata) {
    if (key.type().equals("TXT")) {
      // Web interfaces take the value itself; they add the quotes and 255-byte splits.
      return TxtValue.joined(rdata);
    }
    return rdata;
  }

  @Override
  public String describe() {
    return "manual (zone " + zone + ")";
  }
}
