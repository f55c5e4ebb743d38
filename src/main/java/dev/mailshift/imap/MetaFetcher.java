package dev.mailshift.imap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.MODSEQ;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * UID FETCH of message metadata and of flags, streamed: each FETCH response goes to the sink as
 * it arrives, so memory does not grow with the folder.
 */
final class MetaFetcher {
  private MetaFetcher() {}

  static void meta(Wire wire, ServerInfo info, String folder, long from, long to,
      Consumer<MessageMeta> sink) {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("bad UID range " + from + ":" + to);
    }
    boolean condstore = info.has("CONDSTORE");
    String range = from + ":" + (to == Long.MAX_VALUE ? "*" : Long.toString(to));
    String command = "UID FETCH " + range + " (UID RFC822.SIZE FLAGS INTERNALDATE "
        + "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]" + (condstore ? " MODSEQ)" : ")");
    wire.call(Op.FETCH, folder, p -> wire.run(p, Op.FETCH, folder, command, null, r -> {
      FetchResponse f = fetch(r);
      if (f == null) {
        return;
      }
      UID uid = f.getItem(UID.class);
      RFC822SIZE size = f.getItem(RFC822SIZE.class);
      INTERNALDATE date = f.getItem(INTERNALDATE.class);
      FLAGS flags = f.getItem(FLAGS.class);
      // "n:*" includes the highest UID even when it is below n (RFC 3501 6.4.8), and unsolicited
      // FETCH responses (flag changes by others) lack the items asked for: skip both.
      if (uid == null || uid.uid < from || uid.uid > to || size == null || date == null
          || flags == null) {
        return;
      }
      sink.accept(new MessageMeta(uid.uid, size.size, Wording.flags(flags),
          date.getDate().toInstant(), messageId(f.getItem(BODY.class)), modseq(f)));
    }));
  }

  static void flags(Wire wire, ServerInfo info, String folder, OptionalLong changedSince,
      Consumer<MessageMeta> sink) {
    boolean condstore = info.has("CONDSTORE");
    String command = "UID FETCH 1:* (UID FLAGS" + (condstore ? " MODSEQ)" : ")")
        + (condstore && changedSince.isPresent()
            ? " (CHANGEDSINCE " + changedSince.getAsLong() + ")" : "");
    wire.call(Op.FETCH, folder, p -> wire.run(p, Op.FETCH, folder, command, null, r -> {
      FetchResponse f = fetch(r);
      if (f == null) {
        return;
      }
      UID uid = f.getItem(UID.class);
      FLAGS flags = f.getItem(FLAGS.class);
      if (uid != null && flags != null) {
        sink.accept(new MessageMeta(uid.uid, 0, Wording.flags(flags), Instant.EPOCH,
            Optional.empty(), modseq(f)));
      }
    }));
  }

  private static FetchResponse fetch(Response r) {
    return r instanceof FetchResponse f ? f : null;
  }

  private static OptionalLong modseq(FetchResponse f) {
    MODSEQ m = f.getItem(MODSEQ.class);
    return m == null ? OptionalLong.empty() : OptionalLong.of(m.modseq);
  }

  /** The Message-ID field body, unfolded and trimmed (RFC 5322 2.2.3); empty when absent. */
  static Optional<String> messageId(BODY body) {
    if (body == null || body.getByteArray() == null) {
      return Optional.empty();
    }
    ByteArray ba = body.getByteArray();
    return messageIdIn(new String(ba.getBytes(), ba.getStart(), ba.getCount(),
        StandardCharsets.ISO_8859_1));
  }

  static Optional<String> messageIdIn(String header) {
    String unfolded = header.replaceAll("\r?\n[ \t]", " ");
    for (String line : unfolded.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Message-ID")) {
        String value = line.substring(colon + 1).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
