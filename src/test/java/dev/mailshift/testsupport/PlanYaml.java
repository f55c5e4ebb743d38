package dev.mailshift.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan file of a command-line test: servers {@code old} and {@code new} over plain IMAP on
 * 127.0.0.1, account defaults pointing source and destination at them with their passwords from
 * {@link #SOURCE_PASSWORD_ENV} and {@link #DESTINATION_PASSWORD_ENV} (see {@link #env}), the
 * accounts, and whatever other YAML the test adds.
 *
 * <p>The layout is fixed so tests can assert positions in it: line 1 {@code mailshift: 1}, 2 the
 * name, 3 to 5 the servers, 6 {@code accounts:}, 7 the defaults; then, if any account was added,
 * {@code list:} on line 8 and one line per account; then the {@linkplain #accountKeys other keys
 * under accounts}; then the {@linkplain #extra extra YAML} as written.
 */
public final class PlanYaml {
  public static final String SOURCE_PASSWORD_ENV = "SRC_PW";
  public static final String DESTINATION_PASSWORD_ENV = "DST_PW";

  private final String name;
  private final int sourcePort;
  private final int destinationPort;
  private final List<String> list = new ArrayList<>();
  private String accountKeys = "";
  private String extra = "";

  private PlanYaml(String name, int sourcePort, int destinationPort) {
    this.name = name;
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
  }

  /** A plan named {@code name} migrating from the plain IMAP port to the other. */
  public static PlanYaml plain(String name, int sourcePort, int destinationPort) {
    return new PlanYaml(name, sourcePort, destinationPort);
  }

  /** The environment the plan's passwords are read from. */
  public static Map<String, String> env(String sourcePassword, String destinationPassword) {
    return Map.of(SOURCE_PASSWORD_ENV, sourcePassword, DESTINATION_PASSWORD_ENV,
        destinationPassword);
  }

  /** An account with the same user on both sides. */
  public PlanYaml account(String source) {
    list.add("{ source: " + source + " }");
    return this;
  }

  /** An account with another user on the destination. */
  public PlanYaml account(String source, String destination) {
    list.add("{ source: " + source + ", destination: " + destination + " }");
    return this;
  }

  /** YAML under {@code accounts:} after the list (csv, folder-profiles), given unindented. */
  public PlanYaml accountKeys(String yaml) {
    this.accountKeys = yaml.indent(2);
    return this;
  }

  /** Top-level YAML after the accounts (folders, messages, state), as written. */
  public PlanYaml extra(String yaml) {
    this.extra = yaml.isEmpty() || yaml.endsWith("\n") ? yaml : yaml + "\n";
    return this;
  }

  /** The plan's text. */
  public String text() {
    StringBuilder yaml = new StringBuilder("""
        mailshift: 1
        name: %s
        servers:
          old: { imap: "imap://127.0.0.1:%d", plaintext: true }
          new: { imap: "imap://127.0.0.1:%d", plaintext: true }
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:%s", destination-password: "env:%s" }
        """.formatted(name, sourcePort, destinationPort, SOURCE_PASSWORD_ENV,
        DESTINATION_PASSWORD_ENV));
    if (!list.isEmpty()) {
      yaml.append("  list:\n");
      list.forEach(a -> yaml.append("    - ").append(a).append('\n'));
    }
    return yaml.append(accountKeys).append(extra).toString();
  }

  /** Writes the plan to {@code dir/plan.yaml}, replacing it, and returns that path. */
  public Path writeTo(Path dir) {
    Path file = dir.resolve("plan.yaml");
    try {
      Files.writeString(file, text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
