package dev.mailshift.dns;

/** A zone file could not be read, parsed or written. */
public final class ZoneFileException extends DnsException {
  public ZoneFileException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, server, key, cause);
  }

  public ZoneFileException(String message, String server, RrsetKey key) {
    super(message, server, key, null);
  }
}
