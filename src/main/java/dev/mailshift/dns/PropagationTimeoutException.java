package dev.mailshift.dns;

/** Not every authoritative server answered the expected RRset before the timeout. */
public final class PropagationTimeoutException extends DnsException {
  public PropagationTimeoutException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public PropagationTimeoutException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
