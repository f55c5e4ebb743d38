package dev.mailshift.imap;

import java.util.Objects;

/**
 * An IMAP failure, typed by what the caller can do about it, carrying the server's own text.
 * Messages never contain secrets or message content.
 */
public class ImapException extends RuntimeException {
  public enum Kind {
    /** Host unreachable, refused, or timed out while connecting. */
    CONNECT,
    /** TLS handshake or certificate verification failed, or STARTTLS missing. */
    TLS,
    /** Login refused. */
    AUTH,
    /** The connection dropped, timed out, or got BYE mid-session: retry on a new session. */
    DROPPED,
    /** The server asked us to slow down (e.g. [LIMIT], [UNAVAILABLE], THROTTLED): back off. */
    THROTTLED,
    /** The server refused this one operation (NO), e.g. APPEND of an oversized message. */
    REJECTED,
    /** The folder does not exist (NO [NONEXISTENT] or equivalent). */
    NO_SUCH_FOLDER,
    /** An answer we cannot use (BAD, a malformed response, a size mismatch). */
    PROTOCOL
  }

  private final Kind kind;
  private final String serverText;

  public ImapException(Kind kind, String message, String serverText, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.serverText = serverText == null ? "" : serverText;
  }

  public ImapException(Kind kind, String message) {
    this(kind, message, "", null);
  }

  public Kind kind() {
    return kind;
  }

  public String serverText() {
    return serverText;
  }

  /** Whether a new session and another try may succeed. */
  public boolean retryable() {
    return kind == Kind.DROPPED || kind == Kind.THROTTLED;
  }
}
