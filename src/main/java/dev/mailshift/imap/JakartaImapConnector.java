package dev.mailshift.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Opens {@link JakartaImapSession}s: one {@code Session.getInstance(props)} and one connection
 * per session, TLS as the endpoint says (verified unless it says {@code insecure}), timeouts from
 * the endpoint. Large fetched messages are spooled to {@code spoolDir}. Sessions are paced by the
 * endpoint's {@link Throttle}.
 */
public final class JakartaImapConnector implements ImapConnector {
  private final FetchLimits limits;

  /** Spools large messages to {@code java.io.tmpdir}. */
  public JakartaImapConnector() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  public JakartaImapConnector(Path spoolDir) {
    this(FetchLimits.defaults(spoolDir));
  }

  JakartaImapConnector(FetchLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public ImapSession connect(ImapEndpoint endpoint, Credentials credentials, Access access) {
    Objects.requireNonNull(access, "access");
    Failures failures = new Failures(endpoint + " as " + credentials.user());
    Session session;
    try {
      session = Session.getInstance(ConnectionProperties.of(endpoint));
    } catch (IllegalArgumentException e) {
      // an unreadable ca-file: nothing was sent
      throw new ImapException(ImapException.Kind.TLS,
          "connect to " + failures.where() + " failed: " + e.getMessage(), "", e);
    }
    IMAPStore store;
    try {
      // Angus's IMAP store whose FETCH parser also knows Gmail's X-GM-* items
      store = (IMAPStore) session.getStore(new Provider(Provider.Type.STORE,
          ConnectionProperties.protocol(endpoint), GmailItems.Store.class.getName(),
          "mailshift", "1"));
    } catch (MessagingException e) {
      throw failures.fromThrowable(Op.CONNECT, "", e);
    }
    Wire wire;
    try {
      store.connect(endpoint.host(), endpoint.port(), credentials.user(),
          credentials.password().reveal());
      wire = new Wire(store, failures);
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(store);
      throw failures.fromThrowable(Op.CONNECT, "", e);
    }
    try {
      return new JakartaImapSession(wire, ServerProbe.probe(wire), access, limits,
          endpoint.throttle());
    } catch (RuntimeException e) {
      wire.close();
      throw e;
    }
  }

  private static void closeQuietly(IMAPStore store) {
    try {
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // nothing was opened that needs more than the socket closed
    }
  }
}
