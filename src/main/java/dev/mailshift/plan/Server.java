package dev.mailshift.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An IMAP server as the plan declares it. {@code imaps://} means implicit TLS, {@code imap://}
 * means STARTTLS is required; only an explicit {@code plaintext: true} allows an unencrypted
 * session. Certificates are verified against the JDK trust store or {@code ca-file}; only an
 * explicit {@code insecure: true} turns verification off.
 */
public record Server(
    String name,
    String host,
    int port,
    Tls tls,
    Optional<Path> caFile,
    boolean insecure,
    Limits limits,
    Location location) {

  public enum Tls {
    IMPLICIT,
    STARTTLS,
    NONE
  }

  public Server {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(location, "location");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The URL form for messages, e.g. {@code imaps://imap.example:993}. */
  public String url() {
    return (tls == Tls.IMPLICIT ? "imaps://" : "imap://") + host + ":" + port;
  }

  /**
   * Per-server limits. {@code connections} bounds the concurrent sessions mailshift opens to the
   * server across all accounts; zero rates mean unlimited.
   */
  public record Limits(
      int connections,
      long bytesPerSecond,
      int messagesPerSecond,
      Duration timeout,
      int retries) {
    public static final Limits DEFAULT = new Limits(4, 0, 0, Duration.ofSeconds(60), 5);

    public Limits {
      if (connections < 1) {
        throw new IllegalArgumentException("connections must be >= 1");
      }
      Objects.requireNonNull(timeout, "timeout");
    }
  }
}
