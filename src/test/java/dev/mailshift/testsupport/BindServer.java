package dev.mailshift.testsupport;

import static org.assertj.core.api.Assertions.fail;

import dev.mailshift.dns.TsigKey;
import dev.mailshift.dns.NameServer;
import dev.mailshift.plan.Secret;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * A real BIND9 for one test: writes named.conf, a zone and a TSIG key into a temp dir, starts
 * {@code named} in the foreground on 127.0.0.1 on a free high port (as {@code nobody} when the
 * tests run as root), waits until it answers the zone's SOA, and stops it after the test. The zone
 * accepts only updates signed with the key ({@code update-policy { grant KEY zonesub ANY; }}, or
 * the narrower rules of {@link #withUpdatePolicy}) and zone transfers signed with it.
 *
 * <p>Register on an instance field with {@code @RegisterExtension}. Follows {@code
 * mailshift.realServers}: binary missing and {@code required} fails the test, {@code optional}
 * (the default) skips it.
 */
public final class BindServer implements BeforeEachCallback, AfterEachCallback {
  public static final String KEY_NAME = "mailshift";
  public static final String ALGORITHM = "hmac-sha256";
  // Debian's paths; other installs set -Dmailshift.bind.named / -Dmailshift.bind.nsupdate.
  private static final Path NAMED =
      Path.of(System.getProperty("mailshift.bind.named", "/usr/sbin/named"));
  private static final Path NSUPDATE =
      Path.of(System.getProperty("mailshift.bind.nsupdate", "/usr/bin/nsupdate"));
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final String zone;
  private final String zoneText;
  private final String updatePolicy;
  private final String secret;
  private Path dir;
  private Process process;
  private int port;

  private BindServer(String zone, String zoneText, String updatePolicy) {
    this.zone = zone.endsWith(".") ? zone : zone + ".";
    this.zoneText = zoneText;
    this.updatePolicy = updatePolicy;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.secret = Base64.getEncoder().encodeToString(key);
  }

  /** A server for {@code zone} loading {@code zoneText} (a complete zone file). */
  public static BindServer withZone(String zone, String zoneText) {
    return new BindServer(zone, zoneText, "grant " + KEY_NAME + " zonesub ANY;");
  }

  /**
   * The same server with {@code rules} as the zone's update-policy instead of "the key may change
   * anything", e.g. {@code grant mailshift name _dmarc.acme.test. TXT;}: the key stays valid, but
   * an update of any other name is REFUSED. Call before the test starts the server.
   */
  public BindServer withUpdatePolicy(String rules) {
    return new BindServer(zone, zoneText, rules);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    requireBinary(NAMED, "BIND9 named (apt install bind9)");
    requireBinary(NSUPDATE, "nsupdate (apt install bind9-dnsutils)");
    dir = Files.createTempDirectory("mailshift-bind");
    // named drops to nobody: it must traverse the dir, read the config and write the journal.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      try {
        start();
        return;
      } catch (IOException e) {
        last = e; // the port was taken between probe and bind: try another
        stop();
      }
    }
    throw last;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    stop();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Stops named now (a test of an unreachable server); the temp dir goes after the test. */
  public void stopNow() throws InterruptedException {
    stop();
  }

  public String zone() {
    return zone;
  }

  public int port() {
    return port;
  }

  public NameServer nameServer() {
    return new NameServer("127.0.0.1:" + port, new InetSocketAddress("127.0.0.1", port));
  }

  /** {@code 127.0.0.1:port}, the form a plan's {@code servers} and provider take. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** The key the zone accepts updates from. */
  public TsigKey tsig() {
    return new TsigKey(KEY_NAME, ALGORITHM, new Secret(secret));
  }

  public String secret() {
    return secret;
  }

  /** The temp dir named runs in (for extra files a test needs). */
  public Path dir() {
    return dir;
  }

  /**
   * Runs {@code nsupdate} signed with the zone's key, as an operator or another tool would:
   * {@code commands} are nsupdate lines without server, zone and send. Fails the test if
   * nsupdate does.
   */
  public void nsupdate(String... commands) throws IOException, InterruptedException {
    String script = "server 127.0.0.1 " + port + "\nzone " + zone + "\n"
        + String.join("\n", commands) + "\nsend\n";
    Path scriptFile = Files.createTempFile(dir, "nsupdate", ".txt");
    Files.writeString(scriptFile, script);
    Process p = new ProcessBuilder(NSUPDATE.toString(), "-k", dir.resolve("tsig.key").toString(),
        "-v", scriptFile.toString()).redirectErrorStream(true).start();
    boolean exited = p.waitFor(30, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited || p.exitValue() != 0) {
      p.destroyForcibly();
      fail("nsupdate failed: " + output + "\nscript:\n" + script);
    }
  }

  /**
   * Every record of the zone except the SOA, by zone transfer (AXFR, signed with the key), as
   * sorted {@code name TTL IN TYPE data} lines: compares whole zones, SOA serial aside.
   */
  public List<String> zoneWithoutSoa() throws Exception {
    ZoneTransferIn axfr = ZoneTransferIn.newAXFR(Name.fromString(zone),
        new InetSocketAddress("127.0.0.1", port),
        new TSIG(TSIG.algorithmToName(ALGORITHM), Name.fromString(KEY_NAME + "."), secret));
    axfr.setTimeout(Duration.ofSeconds(10));
    axfr.run();
    return axfr.getAXFR().stream()
        .filter(r -> r.getType() != Type.SOA)
        .map(Record::toString)
        .sorted()
        .toList();
  }

  /** The log named wrote so far (for failure messages). */
  public String log() throws IOException {
    Path log = dir.resolve("named.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private void start() throws IOException, InterruptedException {
    String keyClause = "key \"" + KEY_NAME + "\" {\n  algorithm " + ALGORITHM + ";\n  secret \""
        + secret + "\";\n};\n";
    write("tsig.key", keyClause);
    write("zone.db", zoneText);
    write("named.conf", keyClause
        + "options {\n"
        + "  directory \"" + dir + "\";\n"
        + "  pid-file \"" + dir.resolve("named.pid") + "\";\n"
        + "  session-keyfile \"" + dir.resolve("session.key") + "\";\n"
        + "  managed-keys-directory \"" + dir + "\";\n"
        + "  listen-on port " + port + " { 127.0.0.1; };\n"
        + "  listen-on-v6 { none; };\n"
        + "  recursion no;\n"
        + "  dnssec-validation no;\n"
        + "  notify no;\n"
        + "};\n"
        + "controls { };\n"
        + "zone \"" + zone + "\" {\n"
        + "  type primary;\n"
        + "  file \"" + dir.resolve("zone.db") + "\";\n"
        + "  update-policy { " + updatePolicy + " };\n"
        + "  allow-transfer { key " + KEY_NAME + "; };\n"
        + "};\n");
    List<String> command = new java.util.ArrayList<>(
        List.of(NAMED.toString(), "-g", "-c", dir.resolve("named.conf").toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody"));
    }
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("named.log").toFile()).start();
    awaitReady();
  }

  /** Waits until named answers the zone's SOA authoritatively, or fails with its log. */
  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
    resolver.setTCP(true);
    resolver.setTimeout(Duration.ofMillis(500));
    Message query = Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("named exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        Message answer = resolver.send(query);
        if (answer.getRcode() == Rcode.NOERROR && answer.getHeader().getFlag(Flags.AA)) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet; wait for the process (a condition: exit) a little before retrying
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new IOException("named did not answer within " + START_TIMEOUT + ":\n" + log());
  }

  private void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      int candidate;
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        candidate = tcp.getLocalPort();
      }
      try (DatagramSocket udp = new DatagramSocket(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate))) {
        return candidate;
      } catch (IOException udpTaken) {
        // the UDP side of this port is in use: take another
      }
    }
    throw new IOException("no free port with both TCP and UDP on 127.0.0.1");
  }

  private static void requireBinary(Path binary, String what) {
    if (Files.isExecutable(binary)) {
      return;
    }
    String message = what + " not found at " + binary;
    if ("required".equals(System.getProperty("mailshift.realServers", "optional"))) {
      fail(message + " and mailshift.realServers=required");
    }
    Assumptions.assumeTrue(false, message + "; skipped (mailshift.realServers=optional)");
  }
}
