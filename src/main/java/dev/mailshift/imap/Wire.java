package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.LiteralException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * The session's one connection, used at the protocol level: commands are written with {@link
 * IMAPProtocol#writeCommand} and their responses read one by one, so untagged responses (FETCH
 * literals above all) are handled as they arrive instead of being collected. Every failure goes
 * through {@link Failures}; after a drop the wire is broken and refuses further commands.
 */
final class Wire {
  /** A piece of protocol work; may throw the library's checked exceptions. */
  interface Exchange<T> {
    T run(IMAPProtocol p) throws ProtocolException, IOException;
  }

  private static final System.Logger LOG = System.getLogger(Wire.class.getName());

  private final IMAPStore store;
  private final IMAPFolder root;
  private final Failures failures;
  private boolean broken;

  Wire(IMAPStore store, Failures failures) throws MessagingException {
    this.store = store;
    this.root = (IMAPFolder) store.getDefaultFolder();
    this.failures = failures;
  }

  Failures failures() {
    return failures;
  }

  boolean broken() {
    return broken;
  }

  /** Runs {@code body} on the connection; every exception leaves as an {@link ImapException}. */
  @SuppressWarnings("unchecked")
  <T> T call(Op op, String subject, Exchange<T> body) {
    if (broken) {
      throw new ImapException(Kind.DROPPED, op.label() + " on " + failures.where()
          + " refused: the connection failed earlier; open a new session");
    }
    try {
      return (T) root.doCommand(p -> {
        try {
          return body.run(p);
        } catch (IOException | ProtocolException | RuntimeException e) {
          throw fail(op, subject, e);
        }
      });
    } catch (ImapException e) {
      throw e;
    } catch (MessagingException | RuntimeException e) {
      throw fail(op, subject, e);
    }
  }

  /**
   * Sends one command and reads its responses up to the tagged one, handing each untagged
   * response to {@code untagged}. Returns the tagged OK; a NO/BAD/BYE becomes an ImapException.
   * If {@code untagged} throws, the remaining responses are still read (the connection stays
   * usable) and the exception is rethrown at the end.
   */
  Response run(IMAPProtocol p, Op op, String subject, String command, Argument args,
      Consumer<Response> untagged) throws IOException, ProtocolException {
    String tag;
    try {
      tag = p.writeCommand(command, args);
    } catch (LiteralException e) {
      // The server answered before taking the literal (RFC 3501 7.5: a NO instead of "+").
      throw failures.fromResponse(op, subject, e.getResponse());
    }
    RuntimeException sinkFailure = null;
    Response bye = null;
    while (true) {
      Response r;
      try {
        r = p.readResponse();
      } catch (IOException e) {
        broken = true;
        throw bye != null ? failures.fromResponse(op, subject, bye)
            : failures.fromThrowable(op, subject, e);
      } catch (ProtocolException e) {
        // A response we cannot parse was read whole (literals included), so the stream is still
        // in step: finish the command, then fail it rather than silently skip what it held.
        if (sinkFailure == null) {
          sinkFailure = new ImapException(Kind.PROTOCOL, op.label() + " on " + failures.where()
              + " failed: unreadable response: " + e.getMessage(), "", e);
        }
        continue;
      }
      if (r.isBYE()) {
        bye = r;
        continue;
      }
      if (r.isTagged() && tag.equals(r.getTag())) {
        if (sinkFailure != null) {
          throw sinkFailure;
        }
        if (!r.isOK()) {
          throw failures.fromResponse(op, subject, r);
        }
        return r;
      }
      if (r.isUnTagged() && sinkFailure == null) {
        try {
          untagged.accept(r);
        } catch (RuntimeException e) {
          sinkFailure = e;
        }
      }
    }
  }

  /** {@link #run} for a command whose untagged responses do not matter. */
  Response simple(IMAPProtocol p, Op op, String subject, String command, Argument args)
      throws IOException, ProtocolException {
    return run(p, op, subject, command, args, r -> {});
  }

  private ImapException fail(Op op, String subject, Throwable e) {
    ImapException x = failures.fromThrowable(op, subject, e);
    if (x.kind() == Kind.DROPPED) {
      broken = true;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> x.getMessage());
    return x;
  }

  /** LOGOUT and close; never throws. */
  void close() {
    if (broken) {
      // A dropped or stalled connection would make LOGOUT wait for the read timeout again.
      try {
        root.doCommand(p -> {
          p.disconnect();
          return null;
        });
      } catch (MessagingException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "disconnect of " + failures.where() + ": " + e);
      }
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "close of " + failures.where() + ": " + e);
    }
  }
}
