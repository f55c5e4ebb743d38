package dev.mailshift.imap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/** UID FETCH of X-GM-MSGID and X-GM-LABELS, streamed to a sink. */
final class GmailFetcher {
  private GmailFetcher() {}

  static void fetch(Wire wire, ServerInfo info, String folder, long from, long to,
      java.util.function.Consumer<GmailMeta> sink) {
    if (!info.has("X-GM-EXT-1")) {
      throw new IllegalStateException("the server does not offer X-GM-EXT-1");
    }
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("bad UID range " + from + ":" + to);
    }
    String range = from + ":" + (to == Long.MAX_VALUE ? "*" : Long.toString(to));
    String command = "UID FETCH " + range + " (UID " + GmailItems.MSGID + " " + GmailItems.LABELS
        + ")";
    wire.call(Op.FETCH, folder, p -> wire.run(p, Op.FETCH, folder, command, null, r -> {
      if (!(r instanceof FetchResponse f)) {
        return;
      }
      UID uid = f.getItem(UID.class);
      Map<String, Object> items = f.getExtensionItems();
      Object id = items.get(GmailItems.MSGID);
      Object labels = items.get(GmailItems.LABELS);
      // "n:*" may answer with the highest UID below n (RFC 3501 6.4.8): skip it
      if (uid == null || uid.uid < from || uid.uid > to || !(id instanceof Long msgId)) {
        return;
      }
      sink.accept(new GmailMeta(uid.uid, msgId, labels instanceof String[] l
          ? new LinkedHashSet<>(List.of(l)) : new LinkedHashSet<>()));
    }));
  }
}
