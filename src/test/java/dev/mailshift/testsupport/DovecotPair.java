package dev.mailshift.testsupport;

import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapEndpoint.TlsMode;
import dev.mailshift.plan.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two real Dovecot servers on 127.0.0.1 (see {@code scripts/dovecot-pair.sh}): a SOURCE with
 * Maildir++ ('.' separator, "INBOX." prefix) and a DESTINATION with LAYOUT=fs ('/' separator,
 * SPECIAL-USE folders, APPENDLIMIT). Started once per JVM (root store, stopped when the run
 * ends); every test method gets fresh, empty users on both ({@link #source()}, {@link
 * #destination()}); {@link #freshAccounts()} hands out more.
 *
 * <p>Register with {@code @RegisterExtension static DovecotPair dovecot = new DovecotPair();}.
 * Without Dovecot the tests are skipped when {@code mailshift.realServers} is {@code optional}
 * and fail when it is {@code required}.
 */
public final class DovecotPair implements BeforeAllCallback, BeforeEachCallback {
  public static final String DOVECOT = "/usr/sbin/dovecot";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One user on both servers. */
  public record Accounts(Account source, Account destination) {}

  /** One user on one server with its ways in. */
  public record Account(String user, Secret password, ImapEndpoint plain,
      ImapEndpoint starttls, ImapEndpoint imaps, Path caFile) {
    public Credentials credentials() {
      return new Credentials(user, password);
    }

    /** IMAPS with the test CA to 127.0.0.1, a name the certificate does not carry. */
    public ImapEndpoint imapsWrongName() {
      return new ImapEndpoint("127.0.0.1", imaps.port(), TlsMode.IMPLICIT, imaps.caFile(),
          false, imaps.timeout());
    }

    /** STARTTLS without the test CA: certificate checks must fail. */
    public ImapEndpoint starttlsUntrusted() {
      return new ImapEndpoint(starttls.host(), starttls.port(), TlsMode.STARTTLS,
          Optional.empty(), false, starttls.timeout());
    }
  }

  private final boolean listescape;
  private Servers servers;
  private Accounts current;

  /** The pair as scripts/dovecot-pair.sh describes it. */
  public DovecotPair() {
    this(false);
  }

  /**
   * @param listescape whether the SOURCE runs Dovecot's listescape plugin, which lets a name on
   *     the '.' server hold characters its storage otherwise refuses, such as '/' ("INBOX.a/b"),
   *     as Courier and Cyrus allow; a second pair, started once per JVM like the first
   */
  public DovecotPair(boolean listescape) {
    this.listescape = listescape;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String rule = System.getProperty("mailshift.realServers", "optional");
    boolean present = Files.isExecutable(Path.of(DOVECOT));
    if (!present && rule.equals("required")) {
      throw new IllegalStateException(DOVECOT + " is missing but mailshift.realServers="
          + "required: install dovecot-imapd (apt-get install dovecot-imapd)");
    }
    Assumptions.assumeTrue(present, DOVECOT + " not installed; mailshift.realServers=" + rule);
    servers = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(listescape ? "dovecot-pair-listescape" : Servers.class,
            k -> Servers.start(listescape), Servers.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    current = freshAccounts();
  }

  public Accounts freshAccounts() {
    int n = servers.next.incrementAndGet();
    if (n > servers.users) {
      throw new IllegalStateException("all " + servers.users + " Dovecot test users are used: "
          + "raise DOVECOT_USERS in DovecotPair");
    }
    String user = String.format("user%03d", n);
    return new Accounts(servers.account(user, "SRC"), servers.account(user, "DST"));
  }

  public Account source() {
    return current.source();
  }

  public Account destination() {
    return current.destination();
  }

  /** The pair's directory (configs, logs, ports.env). */
  public Path dir() {
    return servers.dir;
  }

  /** The started servers; stopped by JUnit when the root store closes. */
  static final class Servers implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> env;
    private final int users;
    private final AtomicInteger next = new AtomicInteger();

    private Servers(Path dir, Map<String, String> env) {
      this.dir = dir;
      this.env = env;
      this.users = Integer.parseInt(env.get("USERS"));
    }

    static Servers start(boolean listescape) {
      try {
        Path dir = Files.createTempDirectory("mailshift-dovecot-");
        run("start", dir, listescape);
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("ports.env"))) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            env.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
        return new Servers(dir, env);
      } catch (IOException e) {
        throw new IllegalStateException("could not start the Dovecot pair: " + e.getMessage(), e);
      }
    }

    Account account(String user, String side) {
      Path ca = Path.of(env.get("CERT"));
      int imap = Integer.parseInt(env.get(side + "_IMAP"));
      int imaps = Integer.parseInt(env.get(side + "_IMAPS"));
      return new Account(user, new Secret(env.get("PASSWORD")),
          new ImapEndpoint("127.0.0.1", imap, TlsMode.NONE, Optional.empty(), false, TIMEOUT),
          // the certificate names localhost only (not 127.0.0.1): see tlsWrongName
          new ImapEndpoint("localhost", imap, TlsMode.STARTTLS, Optional.of(ca), false, TIMEOUT),
          new ImapEndpoint("localhost", imaps, TlsMode.IMPLICIT, Optional.of(ca), false, TIMEOUT),
          ca);
    }

    private static void run(String verb, Path dir, boolean listescape) throws IOException {
      Path script = Path.of(System.getProperty("basedir", "."), "scripts", "dovecot-pair.sh");
      // Output to a file, not a pipe: the Dovecot masters the script starts keep its stderr
      // open, so reading a pipe to its end would wait for as long as they run.
      Path log = Files.createTempFile("dovecot-pair-" + verb, ".log");
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), verb, dir.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("DOVECOT_USERS", "2000");
      if (listescape) {
        pb.environment().put("DOVECOT_SOURCE_LISTESCAPE", "1");
      }
      Process p = pb.start();
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException(script + " " + verb + " took longer than 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted while running " + script, e);
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      if (p.exitValue() != 0) {
        throw new IOException(script + " " + verb + " failed (" + p.exitValue() + "): " + out);
      }
    }

    @Override
    public void close() throws IOException {
      run("stop", dir, false);
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
