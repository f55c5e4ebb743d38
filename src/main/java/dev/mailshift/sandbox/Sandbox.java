package dev.mailshift.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two in-process IMAP servers (GreenMail, IMAPS on 127.0.0.1, dynamic ports) with sample mail on
 * the source, and a plan that migrates it. For the demo and for trying mailshift without a
 * server; never used by the production path. The servers' certificate is self-signed, so the
 * plan written here says {@code insecure: true}, as only a sandbox plan should.
 */
public final class Sandbox implements AutoCloseable {
  public static final String USER = "alice@sandbox.test";
  private static final String SOURCE_PASSWORD = "sandbox-source-pw";
  private static final String DESTINATION_PASSWORD = "sandbox-destination-pw";

  private final GreenMail source;
  private final GreenMail destination;

  private Sandbox(GreenMail source, GreenMail destination) {
    this.source = source;
    this.destination = destination;
  }

  /** Starts both servers and seeds the source mailbox. */
  public static Sandbox start() {
    GreenMail source = server();
    GreenMail destination = server();
    source.setUser(USER, USER, SOURCE_PASSWORD);
    destination.setUser(USER, USER, DESTINATION_PASSWORD);
    Sandbox sandbox = new Sandbox(source, destination);
    new SampleMail(source.getImaps().getPort(), USER, SOURCE_PASSWORD).seed();
    new SampleMail(destination.getImaps().getPort(), USER, DESTINATION_PASSWORD)
        .prepareDestination();
    return sandbox;
  }

  private static GreenMail server() {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort();
    setup.setServerStartupTimeout(30_000);
    GreenMail g = new GreenMail(setup);
    g.start();
    return g;
  }

  public int sourcePort() {
    return source.getImaps().getPort();
  }

  public int destinationPort() {
    return destination.getImaps().getPort();
  }

  /** The environment variables the written plan's {@code env:} references read. */
  public Map<String, String> secrets() {
    return Map.of("SANDBOX_SOURCE_PW", SOURCE_PASSWORD, "SANDBOX_DESTINATION_PW", DESTINATION_PASSWORD);
  }

  /** Writes {@code sandbox.yaml} into {@code dir} and returns its path. */
  public Path writePlan(Path dir) {
    String yaml = """
        # yaml-language-server: $schema=https://mailshift.dev/schemas/plan.schema.json
        # Written by `mailshift sandbox`: two in-process GreenMail servers on 127.0.0.1.
        mailshift: 1
        name: sandbox
        servers:
          old:
            imap: "imaps://127.0.0.1:%d"
            insecure: true   # GreenMail's self-signed certificate; never do this for a real host
          new:
            imap: "imaps://127.0.0.1:%d"
            insecure: true
        accounts:
          defaults:
            source-server: old
            destination-server: new
            source-password: "env:SANDBOX_SOURCE_PW"
            destination-password: "env:SANDBOX_DESTINATION_PW"
          list:
            - source: %s
        folders:
          exclude: ["^Trash$"]
          rename:            # ordered, first match wins; "Gesendete Objekte" finds Sent by itself
            - { match: "^Projects/(.*)$", to: "Projects $1" }
        """.formatted(sourcePort(), destinationPort(), USER);
    try {
      Files.createDirectories(dir);
      Path plan = dir.resolve("sandbox.yaml");
      Files.writeString(plan, yaml, StandardCharsets.UTF_8);
      return plan;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the sandbox plan into " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    source.stop();
    destination.stop();
  }
}
