package dev.mailshift.dns;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ZoneReader} whose answers a test scripts per server: a queue of answers per server
 * (the last one repeats), a SOA per server, or a failure.
 */
final class FakeZoneReader implements ZoneReader {
  private final Map<String, Deque<RrsetSnapshot>> answers = new HashMap<>();
  private final Map<String, ServerSoa> soas = new HashMap<>();
  private final Map<String, DnsException> failures = new HashMap<>();
  private int reads;

  /** {@code server} answers these snapshots in turn, then keeps answering the last. */
  FakeZoneReader answers(NameServer server, RrsetSnapshot... snapshots) {
    answers.put(server.label(), new ArrayDeque<>(List.of(snapshots)));
    return this;
  }

  FakeZoneReader soa(NameServer server, long serial, long negativeTtl) {
    soas.put(server.label(), new ServerSoa(server.label(), serial, negativeTtl));
    return this;
  }

  FakeZoneReader fails(NameServer server, DnsException e) {
    failures.put(server.label(), e);
    return this;
  }

  int reads() {
    return reads;
  }

  @Override
  public RrsetSnapshot read(NameServer server, RrsetKey key) throws DnsException {
    reads++;
    if (failures.containsKey(server.label())) {
      throw failures.get(server.label());
    }
    Deque<RrsetSnapshot> queue = answers.get(server.label());
    RrsetSnapshot next = queue.size() > 1 ? queue.poll() : queue.peek();
    return next.key().equals(key) ? next : RrsetSnapshot.absent(key);
  }

  @Override
  public ServerSoa soa(NameServer server, String zone) {
    return soas.getOrDefault(server.label(), new ServerSoa(server.label(), 1, 300));
  }
}
