package dev.mailshift.plan.load;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code accounts:} (defaults, inline list, CSV, folder profiles) into {@link Account}s
 * with defaults and folder overrides applied: plan {@code folders} < {@code accounts.defaults}
 * {@code folders} < the folder profile named (by the account, else by the defaults) < the
 * account's own {@code folders}. Server and profile names are checked where they are written,
 * so a mistyped default is reported once, not once per account.
 */
final class AccountReader {
  static final List<String> KEYS = List.of("defaults", "list", "csv", FolderProfiles.KEY);
  static final List<String> DEFAULT_KEYS = List.of("source-server", "destination-server",
      "source-password", "destination-password", "batch", "folders", "folder-profile");
  static final List<String> ACCOUNT_KEYS = List.of("source", "destination", "id",
      "source-password", "destination-password", "batch", "source-server",
      "destination-server", "folders", "folder-profile");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._@+-]+");

  private final ReadContext ctx;
  private final Set<String> servers;
  private final FolderRules planFolders;
  private FolderProfiles profiles;
  private final List<MapExcludeCheck.AccountFolders> folderBlocks = new ArrayList<>();

  AccountReader(ReadContext ctx, Set<String> servers, FolderRules planFolders) {
    this.ctx = ctx;
    this.servers = servers;
    this.planFolders = planFolders;
  }

  List<Account> read(YamlMap accounts) {
    profiles = FolderProfiles.read(accounts, ctx);
    AccountInput defaults = accounts.map("defaults", DEFAULT_KEYS)
        .map(m -> input(m, "accounts.defaults")).orElse(AccountInput.none(
            accounts.location(), "accounts.defaults"));
    List<AccountInput> inputs = new ArrayList<>();
    accounts.sequence("list").ifPresent(items -> {
      for (int i = 0; i < items.size(); i++) {
        String where = "accounts.list[" + i + "]";
        YamlMap.read(items.get(i), where, ACCOUNT_KEYS, ctx).map(m -> input(m, where))
            .ifPresent(inputs::add);
      }
    });
    accounts.nonEmpty("csv").ifPresent(csv ->
        inputs.addAll(new CsvAccountReader(ctx, this).read(csv, accounts.valueLocation("csv"))));
    if (!accounts.has("list") && !accounts.has("csv")) {
      ctx.error(accounts.location(), "accounts has neither list nor csv",
          "add accounts.list with at least one '- source: user@example.org', or csv: file.csv");
    }
    if (inputs.isEmpty() && (accounts.has("list") || accounts.has("csv")) && !ctx.hasErrors()) {
      ctx.error(accounts.location(), "accounts lists no account",
          "add at least one '- source: user@example.org' to accounts.list, or a row to the CSV");
    }
    List<Account> out = new ArrayList<>();
    for (AccountInput input : inputs) {
      build(input, defaults).ifPresent(out::add);
    }
    profiles.warnUnused();
    return out;
  }

  /** The folder blocks of each account read, for checks across blocks. */
  List<MapExcludeCheck.AccountFolders> folderBlocks() {
    return List.copyOf(folderBlocks);
  }

  private AccountInput input(YamlMap m, String where) {
    return new AccountInput(m.location(), where,
        value(m, "source"), value(m, "destination"), value(m, "id"), value(m, "batch"),
        value(m, "source-server"), value(m, "destination-server"),
        template(m, "source-password"), template(m, "destination-password"),
        value(m, "folder-profile"),
        m.get("folders").map(n -> new FolderRulesReader(ctx).read(n, m.path("folders")))
            .orElse(FolderOverrides.NONE));
  }

  private Optional<AccountInput.Value> value(YamlMap m, String key) {
    if (!m.has(key)) {
      return Optional.empty();
    }
    Optional<AccountInput.Value> v =
        m.nonEmpty(key).map(text -> new AccountInput.Value(text, m.valueLocation(key)));
    if (key.endsWith("-server")) {
      v.ifPresent(this::checkServer);
    }
    if (key.equals("folder-profile")) {
      v.ifPresent(p -> checkProfile(p, m.path(key), true));
    }
    return Optional.of(v.orElse(new AccountInput.Value("", m.valueLocation(key), false)));
  }

  private Optional<SecretTemplate> template(YamlMap m, String key) {
    if (!m.has(key)) {
      return Optional.empty();
    }
    return Optional.of(m.string(key).flatMap(text ->
            SecretTemplate.parse(text, m.valueLocation(key), m.path(key), ctx))
        .orElse(SecretTemplate.reported(m.valueLocation(key))));
  }

  /** Reports a server name that {@code servers:} does not declare. */
  void checkServer(AccountInput.Value name) {
    if (!servers.contains(name.text())) {
      ctx.error(name.location(), "server '" + name.text() + "' is not declared in servers",
          servers.isEmpty() ? "declare it under servers:"
              : Suggestions.fix(name.text(), List.copyOf(servers)));
    }
  }

  /**
   * Reports a folder profile name that {@code accounts.folder-profiles} does not declare; with
   * {@code echo} false, a value that is no profile name is not repeated in the message.
   */
  void checkProfile(AccountInput.Value name, String what, boolean echo) {
    profiles.check(name, what, echo);
  }

  /**
   * The account's effective folder rules: each layer's keys replace the same keys below it,
   * recording the profile that was layered in.
   */
  private FolderRules folders(AccountInput in, AccountInput defaults) {
    FolderRules below = defaults.folders().applyTo(planFolders);
    Optional<String> named = profileName(in, defaults);
    Optional<FolderOverrides> profile = named.flatMap(profiles::use);
    FolderRules withProfile = profile.map(p -> p.applyTo(below).withProfile(named.get()))
        .orElse(below);
    return in.folders().applyTo(withProfile);
  }

  /** The folder profile the account names, else the one accounts.defaults names. */
  private static Optional<String> profileName(AccountInput in, AccountInput defaults) {
    return in.folderProfile().or(defaults::folderProfile)
        .filter(AccountInput.Value::valid).map(AccountInput.Value::text);
  }

  private Optional<Account> build(AccountInput in, AccountInput defaults) {
    FolderRules folders = folders(in, defaults);
    if (in.source().isEmpty()) {
      ctx.error(in.location(), in.where() + " has no source (the login on the source server)",
          "add source: user@old.example");
      return Optional.empty();
    }
    String user = in.source().get().text();
    String id = in.id().orElse(in.source().get()).text();
    in.id().or(in::source).filter(v -> v.valid() && !ID.matcher(v.text()).matches())
        .ifPresent(v ->
        ctx.error(v.location(), in.where() + ": id '" + v.text() + "' may hold only letters,"
            + " digits and . _ @ + -", "set id: to a short name such as alice"));
    Optional<AccountInput.Value> batch = in.batch().or(defaults::batch);
    batch.filter(b -> b.valid() && !PhaseReader.BATCH.matcher(b.text()).matches())
        .ifPresent(b ->
        ctx.error(b.location(), in.where() + ": batch '" + b.text() + "' may hold only"
            + " letters, digits and . _ -", "use a batch name such as pilot"));
    String destinationUser = in.destination().map(AccountInput.Value::text).orElse(user);
    Optional<Account.Side> source = side(in, "source", in.sourceServer().or(
        defaults::sourceServer), in.sourcePassword().or(defaults::sourcePassword), user, id);
    Optional<Account.Side> destination = side(in, "destination", in.destinationServer().or(
        defaults::destinationServer), in.destinationPassword().or(
        defaults::destinationPassword), destinationUser, id);
    Optional<String> profile = profileName(in, defaults);
    folderBlocks.add(new MapExcludeCheck.AccountFolders(id, in.where(), defaults.folders(),
        profile.orElse(""), profile.flatMap(profiles::use).orElse(FolderOverrides.NONE),
        in.folders()));
    if (source.isEmpty() || destination.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Account(id, source.get(), destination.get(),
        batch.map(AccountInput.Value::text), folders, in.location()));
  }

  private Optional<Account.Side> side(AccountInput in, String side,
      Optional<AccountInput.Value> server, Optional<SecretTemplate> password, String login,
      String id) {
    if (server.isEmpty()) {
      ctx.error(in.location(), in.where() + " has no " + side + "-server", "set " + side
          + "-server on the account or in accounts.defaults");
    }
    if (password.isEmpty()) {
      ctx.error(in.location(), in.where() + " has no " + side + "-password", "set " + side
          + "-password: env:NAME (or file:path, cmd:..., prompt) on the account or in"
          + " accounts.defaults");
    }
    if (server.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    String label = side + " password of " + login + " on " + server.get().text();
    try {
      SecretRef ref = password.get().instantiate(login, id, ctx.baseDir(), label);
      return Optional.of(new Account.Side(server.get().text(), login, ref));
    } catch (IllegalArgumentException e) {
      ctx.error(in.location(), in.where() + ": cannot form the " + side + "-password reference"
          + " from " + password.get().location() + ": " + e.getMessage(),
          "set an id without / for this account, or give it its own " + side + "-password");
      return Optional.empty();
    }
  }
}
