package dev.mailshift.imap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an IMAP server. TLS is verified against the JDK trust store or {@code
 * caFile}; {@code insecure} (only when a plan says so) disables certificate and host-name checks.
 */
public record ImapEndpoint(
    String host, int port, TlsMode tls, Optional<Path> caFile, boolean insecure, Duration timeout) {

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
  }

  @Override
  public String toString() {
    return (tls == TlsMode.IMPLICIT ? "imaps://" : "imap://") + host + ":" + port;
  }
}
