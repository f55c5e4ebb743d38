package dev.mailshift.imap;

import dev.mailshift.imap.ImapSession.UidSize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Whole messages with BODY.PEEK[] (never BODY[], which would set \Seen: RFC 3501 6.4.5). Small
 * messages share one UID FETCH up to {@link FetchLimits#batchBytes()}; a batch is handed out
 * only after its tagged OK, so a dropped connection hands out nothing of it. Large messages come
 * in {@code BODY.PEEK[]<offset.length>} chunks into a temp file. Every message is checked against
 * its RFC822.SIZE before it is handed out. A message that is gone (expunged meanwhile) is
 * skipped.
 *
 * <p>Under a {@link Throttle}, batches and chunks are no larger than its burst, and each is paid
 * for before it is asked for, while the connection is idle: a large message is paced chunk by
 * chunk, never fetched in one burst.
 */
final class BodyFetcher {
  private final Wire wire;
  private final FetchLimits limits;
  private final Throttle throttle;
  private final String folder;
  private final int chunkBytes;
  private final long batchBytes;
  private final int batchMessages;

  BodyFetcher(Wire wire, FetchLimits limits, Throttle throttle, String folder) {
    this.wire = wire;
    this.limits = limits;
    this.throttle = throttle;
    this.folder = folder;
    this.chunkBytes = (int) Math.min(limits.chunkBytes(), Math.max(1, throttle.burstBytes()));
    this.batchBytes = Math.min(limits.batchBytes(), Math.max(1, throttle.burstBytes()));
    this.batchMessages = Math.min(FetchLimits.MAX_BATCH_MESSAGES,
        Math.max(1, throttle.burstMessages()));
  }

  void fetch(List<UidSize> messages, Consumer<FetchedMessage> sink) {
    List<UidSize> batch = new ArrayList<>();
    long pending = 0;
    for (UidSize m : messages) {
      if (m.size() > chunkBytes) {
        flush(batch, sink);
        pending = 0;
        large(m).ifPresent(sink);
        continue;
      }
      if (!batch.isEmpty() && (pending + m.size() > batchBytes
          || batch.size() >= batchMessages)) {
        flush(batch, sink);
        pending = 0;
      }
      batch.add(m);
      pending += m.size();
    }
    flush(batch, sink);
  }

  private void flush(List<UidSize> batch, Consumer<FetchedMessage> sink) {
    if (batch.isEmpty()) {
      return;
    }
    List<FetchedMessage> got = small(batch);
    batch.clear();
    int i = 0;
    try {
      for (; i < got.size(); i++) {
        sink.accept(got.get(i));
      }
    } finally {
      // What the sink did not get (it threw) is closed here; what it got, it closes.
      for (i++; i < got.size(); i++) {
        got.get(i).close();
      }
    }
  }

  private List<FetchedMessage> small(List<UidSize> batch) {
    Map<Long, Long> expected = new HashMap<>();
    batch.forEach(m -> expected.put(m.uid(), m.size()));
    String set = String.join(",",
        UidSets.of(batch.stream().map(UidSize::uid).toList()));
    throttle.pass(batch.stream().mapToLong(UidSize::size).sum(), batch.size());
    Map<Long, FetchedMessage> got = new HashMap<>();
    try {
      wire.call(Op.FETCH, folder, p -> wire.run(p, Op.FETCH, folder,
          "UID FETCH " + set + " (UID BODY.PEEK[])", null, r -> {
            if (!(r instanceof FetchResponse f)) {
              return;
            }
            UID uid = f.getItem(UID.class);
            BODY body = f.getItem(BODY.class);
            if (uid == null || body == null || !expected.containsKey(uid.uid)
                || got.containsKey(uid.uid)) {
              return;
            }
            try (Spool spool = new Spool(uid.uid, expected.get(uid.uid),
                limits.spoolDir(), limits.memoryBytes())) {
              write(spool, body.getByteArray());
              got.put(uid.uid, spool.finish(wire.failures()));
            }
          }));
    } catch (RuntimeException e) {
      got.values().forEach(FetchedMessage::close);
      throw e;
    }
    List<FetchedMessage> ordered = new ArrayList<>();
    for (UidSize m : batch) {
      FetchedMessage fm = got.get(m.uid());
      if (fm != null) {
        ordered.add(fm);
      }
    }
    return ordered;
  }

  private java.util.Optional<FetchedMessage> large(UidSize m) {
    Spool spool = new Spool(m.uid(), m.size(), limits.spoolDir(), limits.memoryBytes());
    try {
      boolean present = wire.call(Op.FETCH, folder, p -> chunks(p, m, spool));
      if (!present) {
        spool.close();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(spool.finish(wire.failures()));
    } catch (RuntimeException e) {
      spool.close();
      throw e;
    }
  }

  /** Fetches the chunks into the spool; false when the message is gone. */
  private boolean chunks(IMAPProtocol p, UidSize m, Spool spool)
      throws IOException, ProtocolException {
    long size = m.size();
    while (spool.received() < size) {
      long offset = spool.received();
      long want = Math.min(chunkBytes, size - offset);
      throttle.pass(want, offset == 0 ? 1 : 0);
      // On the last chunk ask for one byte more: a body longer than RFC822.SIZE shows up as an
      // extra byte and fails the size check instead of being cut silently.
      long ask = offset + want >= size ? want + 1 : want;
      long[] got = {-1};
      wire.run(p, Op.FETCH, folder,
          "UID FETCH " + m.uid() + " (UID BODY.PEEK[]<" + offset + "." + ask + ">)", null, r -> {
            if (r instanceof FetchResponse f && f.getItem(UID.class) != null
                && f.getItem(UID.class).uid == m.uid() && f.getItem(BODY.class) != null
                && got[0] < 0) {
              ByteArray ba = f.getItem(BODY.class).getByteArray();
              got[0] = ba == null ? 0 : ba.getCount();
              write(spool, ba);
            }
          });
      if (got[0] < 0) {
        return offset > 0;
      }
      if (got[0] < want) {
        break; // short: finish() reports the mismatch
      }
    }
    return true;
  }

  private static void write(Spool spool, ByteArray ba) {
    if (ba != null) {
      spool.write(ba.getBytes(), ba.getStart(), ba.getCount());
    }
  }
}
