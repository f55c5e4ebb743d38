package dev.mailshift.dns;

/**
 * A server answered REFUSED to a query: it does not serve the zone to this client, or does not
 * serve it at all.
 */
public final class DnsRefusedException extends DnsException {
  public DnsRefusedException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public DnsRefusedException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
