package dev.mailshift.imap;

import dev.mailshift.imap.ImapSession.UidSize;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a session's fetches deliver, collected for assertions in the session tests. */
final class Fetched {
  private Fetched() {}

  /** The metadata of UIDs {@code from} to {@code to}. */
  static List<MessageMeta> meta(ImapSession s, long from, long to) {
    List<MessageMeta> out = new ArrayList<>();
    s.fetchMeta(from, to, out::add);
    return out;
  }

  /** The bodies of {@code which}, by UID, each read whole and closed. */
  static Map<Long, byte[]> bodies(ImapSession s, List<UidSize> which) {
    Map<Long, byte[]> out = new HashMap<>();
    s.fetchBodies(which, m -> {
      try (m; InputStream in = m.open()) {
        out.put(m.uid(), in.readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    return out;
  }
}
