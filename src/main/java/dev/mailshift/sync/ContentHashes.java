package dev.mailshift.sync;

import dev.mailshift.imap.FetchedMessage;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SHA-256 of message bodies on the selected folder, streamed with BODY.PEEK[], none kept. */
final class ContentHashes {
  private ContentHashes() {}

  /** UID to hash, for the messages that still exist. */
  static Map<Long, String> of(ImapSession session, List<MessageMeta> messages) {
    Map<Long, String> out = new HashMap<>();
    if (messages.isEmpty()) {
      return out;
    }
    List<ImapSession.UidSize> wanted = messages.stream()
        .map(m -> new ImapSession.UidSize(m.uid(), m.size())).toList();
    session.fetchBodies(wanted, (FetchedMessage fetched) -> {
      try (fetched) {
        out.put(fetched.uid(), fetched.sha256());
      }
    });
    return out;
  }
}
