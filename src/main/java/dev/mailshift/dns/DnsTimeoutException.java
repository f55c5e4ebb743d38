package dev.mailshift.dns;

/** A server did not answer in time or could not be reached (connection refused, no route). */
public final class DnsTimeoutException extends DnsException {
  public DnsTimeoutException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public DnsTimeoutException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
