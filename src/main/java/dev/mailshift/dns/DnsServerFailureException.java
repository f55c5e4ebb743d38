package dev.mailshift.dns;

/** A server answered SERVFAIL or another error code mailshift does not expect for the operation. */
public final class DnsServerFailureException extends DnsException {
  public DnsServerFailureException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public DnsServerFailureException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
