package dev.mailshift.plan.load;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.dns.DnsSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a plan file into a {@link Plan}: YAML composed to a node tree, mapped by hand to the
 * records with {@link Defaults} applied, paths resolved against the plan's directory, password
 * references checked (never values) and interpolated per account.
 *
 * <p>Every problem is collected, with its {@code file:line:column} and a fix; the plan is handed
 * out only when none is an error. What needs the whole plan (unique ids, phases against batches,
 * the JSON Schema) is checked by {@code plan.check.PlanValidator}, which calls this class: use
 * the validator before acting on a plan. Stateless and thread-safe.
 */
public final class PlanLoader {
  static final List<String> KEYS = List.of("mailshift", "name", "servers", "accounts",
      "folders", "messages", "phases", "state", "dns");
  static final List<String> STATE_KEYS = List.of("path");
  static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
  static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  /** Reads and maps {@code planFile}; a missing file is a problem, not an exception. */
  public LoadResult load(Path planFile) {
    return load(PlanDocument.read(planFile));
  }

  /** Maps {@code yaml} as if read from {@code pretendFile} (relative paths start beside it). */
  public LoadResult loadString(String yaml, Path pretendFile) {
    return load(PlanDocument.parse(yaml.getBytes(StandardCharsets.UTF_8), pretendFile));
  }

  public LoadResult load(PlanDocument document) {
    Draft draft = draft(document);
    boolean errors = draft.problems().stream().anyMatch(Problem::isError);
    return new LoadResult(errors ? Optional.empty() : draft.plan(), draft.problems());
  }

  /**
   * Maps as far as possible even past errors, for checks that want to report everything in one
   * run ({@code plan.check}). A draft whose problems include an error may hold placeholders:
   * never act on it.
   */
  public Draft draft(PlanDocument document) {
    Objects.requireNonNull(document, "document");
    if (document.root().isEmpty()) {
      return new Draft(Optional.empty(), document.problems());
    }
    ReadContext ctx = new ReadContext(document.file().toString(), document.baseDir());
    Optional<Plan> plan = YamlMap.read(document.root().get(), "", KEYS, ctx)
        .map(top -> plan(top, document, ctx));
    return new Draft(plan, ctx.problems());
  }

  private Plan plan(YamlMap top, PlanDocument document, ReadContext ctx) {
    int version = version(top, ctx);
    Optional<String> named =
        top.requiredString("name", "add name: my-migration (a-z, 0-9, . _ -)");
    named.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> ctx.error(
        top.valueLocation("name"), "name '" + n + "' has characters other than a-z 0-9 . _ -",
        "rename the plan, e.g. acme-to-newhost"));
    String name = named.orElse("");
    Set<String> declared = new LinkedHashSet<>();
    // A DNS-only plan (a consultant doing only the DNS part of a cutover) has neither.
    boolean dnsOnly = top.has("dns") && !top.has("servers") && !top.has("accounts");
    Map<String, Server> servers = dnsOnly ? Map.of() : servers(top, ctx, declared);
    FolderOverrides planFolders = top.get("folders")
        .map(n -> new FolderRulesReader(ctx).read(n, "folders")).orElse(FolderOverrides.NONE);
    FolderRules folders = planFolders.applyTo(Defaults.FOLDERS);
    MessageRules messages = top.get("messages").map(n -> MessageRulesReader.read(n, ctx))
        .orElse(Defaults.MESSAGES);
    AccountReader accountReader = new AccountReader(ctx, declared, folders);
    List<Account> accounts = dnsOnly ? List.of() : requiredMap(top, "accounts",
        AccountReader.KEYS, ctx, "add accounts: with a list of accounts or a csv file")
        .map(accountReader::read).orElse(List.of());
    new FolderTargetCheck(ctx).check(folders, accounts);
    new MapExcludeCheck(ctx).check(planFolders, accountReader.folderBlocks());
    List<Phase> phases = new PhaseReader(ctx).read(top.get("phases"));
    if (dnsOnly && !top.has("phases")) {
      ctx.error(top.location(), "the plan has dns: but no servers:, accounts: or phases:;"
          + " without phases it would run preflight, sync and validate on accounts",
          "add phases: with DNS steps, e.g. phases: [ { name: prepare-dns, steps: [dns-ttl,"
              + " dns-auth] }, { name: cutover, steps: [dns-mx, dns-restore-ttl, dns-validate]"
              + " } ]; or add servers: and accounts: to migrate mailboxes too");
    }
    Optional<DnsSection> dns = top.get("dns").map(n -> new DnsReader(ctx).read(n));
    Path state = top.map("state", STATE_KEYS).flatMap(m -> m.nonEmpty("path"))
        .map(ctx::resolve).orElse(ctx.resolve(Defaults.STATE_PATH.toString()));
    return new Plan(version, name, servers, accounts, folders, messages, dns, phases,
        new Plan.StatePolicy(state), new Plan.PlanSource(document.file(), document.sha256()));
  }

  private static int version(YamlMap top, ReadContext ctx) {
    if (!top.has("mailshift")) {
      top.missing("mailshift", "add mailshift: " + Defaults.VERSION + " as the first line");
      return Defaults.VERSION;
    }
    Optional<Long> v = top.integer("mailshift", Long.MIN_VALUE, Long.MAX_VALUE);
    if (v.isPresent() && v.get() != Defaults.VERSION) {
      ctx.error(top.valueLocation("mailshift"), "mailshift: " + v.get() + " is a plan language"
          + " version this mailshift does not read", "write mailshift: " + Defaults.VERSION
          + ", or use the mailshift release the plan was written for");
    }
    return Defaults.VERSION;
  }

  private static Map<String, Server> servers(YamlMap top, ReadContext ctx, Set<String> declared) {
    Map<String, Server> servers = new LinkedHashMap<>();
    if (!top.has("servers")) {
      top.missing("servers", "add servers: with the source and destination IMAP servers");
      return servers;
    }
    Map<String, NodeTuple> entries =
        YamlMap.entries(top.get("servers").orElseThrow(), "servers", ctx).orElse(Map.of());
    if (entries.isEmpty()) {
      ctx.error(top.valueLocation("servers"), "servers declares no server",
          "add e.g. old: { imap: \"imaps://imap.old.example\" }");
    }
    ServerReader reader = new ServerReader(ctx);
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      declared.add(e.getKey());
      if (!SERVER_NAME.matcher(e.getKey()).matches()) {
        ctx.error(e.getValue().getKeyNode(), "server name '" + e.getKey() + "' has characters"
            + " other than letters, digits, . _ -", "rename it, e.g. old or new-host");
      }
      reader.read(e.getKey(), e.getValue().getValueNode())
          .ifPresent(s -> servers.put(e.getKey(), s));
    }
    return servers;
  }

  private static Optional<YamlMap> requiredMap(YamlMap top, String key, List<String> keys,
      ReadContext ctx, String fix) {
    if (!top.has(key)) {
      top.missing(key, fix);
      return Optional.empty();
    }
    return top.map(key, keys);
  }

  /**
   * A plan mapped as far as possible, with every problem found on the way.
   *
   * @param plan present when the document was a mapping; may hold placeholders if any problem is
   *     an error
   */
  public record Draft(Optional<Plan> plan, List<Problem> problems) {
    public Draft {
      Objects.requireNonNull(plan, "plan");
      problems = List.copyOf(problems);
    }
  }
}
