package dev.mailshift.dns;

/**
 * The server rejected a signed update: REFUSED (unsigned, unknown key, or the key is not allowed
 * to change this name by the zone's update-policy) or NOTAUTH with a TSIG error (BADSIG, BADKEY,
 * BADTIME; RFC 8945 section 5.2). Nothing was changed.
 */
public final class TsigRefusedException extends DnsException {
  public TsigRefusedException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
