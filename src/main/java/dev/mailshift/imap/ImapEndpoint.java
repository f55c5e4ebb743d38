package dev.mailshift.imap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an IMAP server. TLS is verified against the JDK trust store or {@code
 * caFile}; {@code insecure} (only when a plan says so) disables certificate and host-name checks.
 * {@code throttle} paces the message bytes and messages of every session opened to this endpoint;
 * endpoints of one server share one throttle so that its limits hold for the server as a whole.
 */
public record ImapEndpoint(
    String host,
    int port,
    TlsMode tls,
    Optional<Path> caFile,
    boolean insecure,
    Duration timeout,
    Throttle throttle) {

  public enum TlsMode {
    /** imaps://: TLS from the first byte. */
    IMPLICIT,
    /** imap://: STARTTLS, required (a server without it is refused). */
    STARTTLS,
    /** imap:// with plaintext allowed explicitly. */
    NONE
  }

  public ImapEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(throttle, "throttle");
  }

  /** An endpoint without rate limits. */
  public ImapEndpoint(
      String host, int port, TlsMode tls, Optional<Path> caFile, boolean insecure,
      Duration timeout) {
    this(host, port, tls, caFile, insecure, timeout, Throttle.NONE);
  }

  @Override
  public String toString() {
    return (tls == TlsMode.IMPLICIT ? "imaps://" : "imap://") + host + ":" + port;
  }
}
