package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;

/**
 * APPEND of exact bytes, streamed from {@link FetchedMessage#open()} as the literal, with flags
 * and INTERNALDATE. The new UID comes from APPENDUID (RFC 4315 section 3).
 */
final class Appender {
  private static final Pattern APPENDUID =
      Pattern.compile("\\[APPENDUID (\\d+) (\\d+)]", Pattern.CASE_INSENSITIVE);

  private Appender() {}

  static OptionalLong append(Wire wire, ServerInfo info, String folder, FetchedMessage message,
      Set<String> flags, Instant internalDate) {
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
      args.writeBytes(new StreamLiteral(message));
      Response ok = wire.simple(p, Op.APPEND, folder, "APPEND", args);
      return appendUid(ok);
    });
  }

  static OptionalLong appendUid(Response ok) {
    Matcher m = APPENDUID.matcher(ok.toString());
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(2))) : OptionalLong.empty();
  }

  /** The message as an IMAP literal, copied from its stream without buffering it whole. */
  private record StreamLiteral(FetchedMessage message) implements Literal {
    @Override
    public int size() {
      return (int) message.size();
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      byte[] buf = new byte[64 * 1024];
      long left = message.size();
      try (InputStream in = message.open()) {
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            break;
          }
          os.write(buf, 0, n);
          left -= n;
        }
        // The literal length was announced: a stream of another length would desynchronise
        // the connection, so it ends the connection instead.
        if (left != 0 || in.read() >= 0) {
          throw new IOException("message UID " + message.uid() + " is not "
              + message.size() + " bytes long as announced");
        }
      }
    }
  }
}
