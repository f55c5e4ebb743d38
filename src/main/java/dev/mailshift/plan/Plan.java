package dev.mailshift.plan;

import dev.mailshift.plan.dns.DnsSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated migration plan: the desired state. Immutable; all defaults are applied by
 * the loader ({@code plan.load.PlanLoader}), so consumers never see a missing value. Secrets are
 * held only as {@link SecretRef}s.
 *
 * @param version the plan language version ({@code mailshift: 1})
 * @param name a short name for reports and the state store
 * @param servers IMAP servers by the name the accounts use, in file order; empty, with no
 *     accounts, in a DNS-only plan (a {@code dns:} section and phases of DNS steps only)
 * @param accounts every account, inline and from CSV, with per-account folder rules merged
 * @param folders the plan-wide folder rules (accounts carry their effective copy)
 * @param messages which messages are copied and how deletions are handled
 * @param dns the mail domain's DNS records, when the plan manages them
 * @param phases the cutover phases in order; never empty (a plan without phases gets one
 *     implicit phase {@code migrate} with steps preflight, sync, validate)
 * @param state where the state store lives
 * @param source the file the plan came from and its checksum
 */
public record Plan(
    int version,
    String name,
    Map<String, Server> servers,
    List<Account> accounts,
    FolderRules folders,
    MessageRules messages,
    Optional<DnsSection> dns,
    List<Phase> phases,
    StatePolicy state,
    PlanSource source) {

  public Plan {
    Objects.requireNonNull(name, "name");
    servers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(servers));
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(folders, "folders");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(dns, "dns");
    phases = List.copyOf(phases);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
  }

  public Server server(String serverName) {
    Server s = servers.get(serverName);
    if (s == null) {
      throw new IllegalArgumentException("no server named " + serverName);
    }
    return s;
  }

  public Optional<Phase> phase(String phaseName) {
    return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst();
  }

  /** The file the plan was read from and the SHA-256 of its bytes (hex). */
  public record PlanSource(Path file, String sha256) {
    public PlanSource {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
    }

    public Path baseDir() {
      Path parent = file.toAbsolutePath().getParent();
      return parent == null ? Path.of(".") : parent;
    }
  }

  /** Where the state store file lives (default {@code .mailshift/state.db} beside the plan). */
  public record StatePolicy(Path path) {
    public StatePolicy {
      Objects.requireNonNull(path, "path");
    }
  }
}
