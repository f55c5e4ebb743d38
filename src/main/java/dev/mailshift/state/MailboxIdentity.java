package dev.mailshift.state;

import java.util.Locale;
import java.util.Objects;

/**
 * Which mailbox one side of an account is: the server as the plan reaches it and the user logged
 * in as. Never a password. The host is compared case-insensitively (DNS names are, RFC 4343) and
 * without a trailing dot; the user exactly, as servers may tell users apart by case. {@code
 * scheme} is {@code imaps} (TLS from the first byte) or {@code imap} (STARTTLS or plaintext, one
 * port for both, so not told apart).
 *
 * <p>The same mailbox reached under another name (an IP address instead of the host name, an
 * alias) counts as another mailbox: the cost is a content match, never a lost message.
 */
public record MailboxIdentity(String scheme, String host, int port, String user) {
  public MailboxIdentity {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    if (!scheme.equals("imap") && !scheme.equals("imaps")) {
      throw new IllegalArgumentException("scheme must be imap or imaps: " + scheme);
    }
    host = normalize(host);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The identity of a server reached with implicit TLS ({@code imaps}) or not ({@code imap}). */
  public static MailboxIdentity of(boolean implicitTls, String host, int port, String user) {
    return new MailboxIdentity(implicitTls ? "imaps" : "imap", host, port, user);
  }

  /** {@code imaps://host:port}, an IPv6 literal in brackets. */
  public String url() {
    return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code imaps://host:port (user name)}. */
  @Override
  public String toString() {
    return url() + " (user " + user + ")";
  }

  private static String normalize(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
