package dev.mailshift.dns;

/**
 * A server is not authoritative for the zone (NOTAUTH, a non-authoritative answer or a referral),
 * or the zone named is not a zone apex.
 */
public final class NotAuthoritativeException extends DnsException {
  public NotAuthoritativeException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public NotAuthoritativeException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
