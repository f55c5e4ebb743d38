package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;

/**
 * APPEND of exact bytes, streamed from {@link FetchedMessage#open()} as the literal, with flags
 * and INTERNALDATE. The new UID comes from APPENDUID (RFC 4315 section 3). A {@link Throttle}
 * paces each literal buffer by buffer as it is written.
 */
final class Appender {
  private static final Pattern APPENDUID =
      Pattern.compile("\\[APPENDUID (\\d+) (\\d+)]", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPENDUID_SET =
      Pattern.compile("\\[APPENDUID (\\d+) ([\\d:,]+)]", Pattern.CASE_INSENSITIVE);

  /** The bytes one write of a literal carries: also the grain the throttle paces appends at. */
  private static final int BUFFER = 64 * 1024;

  private Appender() {}

  static OptionalLong append(Wire wire, ServerInfo info, Throttle throttle, String folder,
      FetchedMessage message, Set<String> flags, Instant internalDate) {
    long size = message.size();
    if (size > Integer.MAX_VALUE) {
      throw new ImapException(Kind.REJECTED, "append to \"" + folder + "\" on "
          + wire.failures().where() + " refused: " + size + " bytes is more than IMAP can carry");
    }
    if (info.appendLimit().isPresent() && size > info.appendLimit().getAsLong()) {
      // RFC 7889: the server would refuse it; do not send the bytes just to hear NO.
      throw new ImapException(Kind.REJECTED, "append to \"" + folder + "\" on "
          + wire.failures().where() + " refused: " + size + " bytes exceed APPENDLIMIT "
          + info.appendLimit().getAsLong(), "APPENDLIMIT=" + info.appendLimit().getAsLong(), null);
    }
    String flagList = Wording.flagList(flags);
    return wire.call(Op.APPEND, folder, p -> {
      Argument args = Wording.mailbox(folder);
      if (!flagList.equals("()")) {
        args.writeAtom(flagList);
      }
      args.writeString(Wording.internalDate(internalDate));
      args.writeBytes(new StreamLiteral(message, throttle));
      Response ok = wire.simple(p, Op.APPEND, folder, "APPEND", args);
      return appendUid(ok);
    });
  }

  /**
   * MULTIAPPEND (RFC 3502): every message in one APPEND command, literals streamed. The UIDs come
   * from the APPENDUID uid-set (RFC 4315 section 3), ascending in the order of the messages; when
   * it is missing or does not count as many UIDs as messages, all UIDs are empty. A message over
   * APPENDLIMIT or over 2 GB is refused before anything is sent.
   */
  static List<OptionalLong> appendAll(Wire wire, ServerInfo info, Throttle throttle,
      String folder, List<ImapSession.Append> messages) {
    for (ImapSession.Append a : messages) {
      long size = a.message().size();
      if (size > Integer.MAX_VALUE
          || info.appendLimit().isPresent() && size > info.appendLimit().getAsLong()) {
        throw new ImapException(Kind.REJECTED, "append to \"" + folder + "\" on "
            + wire.failures().where() + " refused: message UID " + a.message().uid() + " has "
            + size + " bytes, more than the server takes");
      }
    }
    return wire.call(Op.APPEND, folder, p -> {
      Argument args = Wording.mailbox(folder);
      for (ImapSession.Append a : messages) {
        String flagList = Wording.flagList(a.flags());
        if (!flagList.equals("()")) {
          args.writeAtom(flagList);
        }
        args.writeString(Wording.internalDate(a.internalDate()));
        args.writeBytes(new StreamLiteral(a.message(), throttle));
      }
      Response ok = wire.simple(p, Op.APPEND, folder, "APPEND", args);
      List<Long> uids = appendUids(ok, messages.size());
      List<OptionalLong> out = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        out.add(uids.size() == messages.size() ? OptionalLong.of(uids.get(i))
            : OptionalLong.empty());
      }
      return out;
    });
  }

  /**
   * The UIDs of an APPENDUID uid-set ("7", "7:9", "7,9:10"), ascending; empty if none or if it
   * names more than {@code max} (then it cannot be this command's).
   */
  static List<Long> appendUids(Response ok, int max) {
    Matcher m = APPENDUID_SET.matcher(ok.toString());
    List<Long> out = new ArrayList<>();
    if (!m.find()) {
      return out;
    }
    for (String part : m.group(2).split(",")) {
      String[] ends = part.split(":");
      long a = Long.parseLong(ends[0]);
      long b = ends.length > 1 ? Long.parseLong(ends[1]) : a;
      if (Math.max(a, b) - Math.min(a, b) >= max - out.size()) {
        return List.of();
      }
      for (long u = Math.min(a, b); u <= Math.max(a, b); u++) {
        out.add(u);
      }
    }
    out.sort(null);
    return out;
  }

  static OptionalLong appendUid(Response ok) {
    Matcher m = APPENDUID.matcher(ok.toString());
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(2))) : OptionalLong.empty();
  }

  /**
   * The message as an IMAP literal, copied from its stream without buffering it whole; each
   * buffer passes the throttle before it is written, and the message counts with the first.
   */
  private record StreamLiteral(FetchedMessage message, Throttle throttle) implements Literal {
    @Override
    public int size() {
      return (int) message.size();
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      byte[] buf = new byte[BUFFER];
      long left = message.size();
      int messages = 1;
      try (InputStream in = message.open()) {
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            break;
          }
          pace(n, messages);
          messages = 0;
          os.write(buf, 0, n);
          left -= n;
        }
        // The literal length was announced: a stream of another length would desynchronise
        // the connection, so it ends the connection instead.
        if (left != 0 || in.read() >= 0) {
          throw new IOException("message UID " + message.uid() + " is not "
              + message.size() + " bytes long as announced");
        }
        if (messages > 0) {
          pace(0, messages); // an empty literal is still a message
        }
      }
    }

    /**
     * Waits for the throttle. A literal cut short cannot be finished later, so a wait that fails
     * (interrupted) ends the connection as an I/O failure would.
     */
    private void pace(long bytes, int messages) throws IOException {
      try {
        throttle.pass(bytes, messages);
      } catch (RuntimeException e) {
        throw new IOException("append of message UID " + message.uid() + " stopped: "
            + e.getMessage(), e);
      }
    }
  }
}
