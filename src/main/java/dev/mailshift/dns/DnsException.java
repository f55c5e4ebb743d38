package dev.mailshift.dns;

import java.util.Objects;

/**
 * A DNS operation that failed, with the server (empty for a zone file) and the RRset it was about.
 * The message says what was detected and what to do; it never contains a TSIG secret.
 */
public abstract sealed class DnsException extends Exception
    permits DnsTimeoutException,
        DnsRefusedException,
        NotAuthoritativeException,
        DnsServerFailureException,
        PrerequisiteFailedException,
        TsigRefusedException,
        ZoneFileException,
        PropagationTimeoutException {

  private final String server;
  private final RrsetKey key;

  protected DnsException(String message, String server, RrsetKey key, Throwable cause) {
    super(message, cause);
    this.server = Objects.requireNonNull(server, "server");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The server that answered (or did not), as {@code name (address)}; empty for a zone file. */
  public String server() {
    return server;
  }

  /** The RRset the failed operation was about (the zone's SOA for zone-wide probes). */
  public RrsetKey key() {
    return key;
  }
}
