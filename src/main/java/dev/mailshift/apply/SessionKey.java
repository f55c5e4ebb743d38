package dev.mailshift.apply;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.ImapEndpoint;
import java.util.Objects;

/**
 * Identifies pooled sessions: one account's side on one server with one access mode. Equality
 * ignores the credentials' secret (it is the same for the same account and side).
 */
public record SessionKey(
    String account, String side, String server, ImapEndpoint endpoint, Credentials credentials, Access access) {
  public SessionKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(access, "access");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionKey k
        && k.account.equals(account)
        && k.side.equals(side)
        && k.server.equals(server)
        && k.access == access;
  }

  @Override
  public int hashCode() {
    return Objects.hash(account, side, server, access);
  }

  @Override
  public String toString() {
    return side + " " + credentials.user() + " at " + endpoint;
  }
}
