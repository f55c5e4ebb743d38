package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * {@code accounts.folder-profiles}: named {@code folders:} blocks that an account picks with
 * {@code folder-profile: <name>} (inline, in {@code accounts.defaults} or as a CSV column), so a
 * CSV account can have rules of its own. Each profile is read and checked where it is written,
 * used or not; a name no profile has is an error where it is written; a profile no account uses
 * is a warning at its key.
 */
final class FolderProfiles {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  static final String KEY = "folder-profiles";

  private final ReadContext ctx;
  private final Map<String, Profile> byName = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();

  private record Profile(FolderOverrides rules, Location at) {}

  private FolderProfiles(ReadContext ctx) {
    this.ctx = ctx;
  }

  /** The profiles under {@code accounts.folder-profiles} (none when the key is absent). */
  static FolderProfiles read(YamlMap accounts, ReadContext ctx) {
    FolderProfiles out = new FolderProfiles(ctx);
    String path = accounts.path(KEY);
    accounts.get(KEY).flatMap(node -> YamlMap.entries(node, path, ctx))
        .orElse(Map.of()).forEach((name, tuple) -> out.add(name, tuple, path));
    return out;
  }

  private void add(String name, NodeTuple tuple, String path) {
    if (!NAME.matcher(name).matches()) {
      ctx.error(tuple.getKeyNode(), "folder profile name '" + name + "' has characters other"
          + " than letters, digits, . _ -", "rename it, e.g. legacy or shared-archive");
    }
    FolderOverrides rules = new FolderRulesReader(ctx).read(tuple.getValueNode(),
        path + "." + name);
    byName.put(name, new Profile(rules, ctx.at(tuple.getKeyNode())));
  }

  /**
   * Reports a {@code folder-profile} value that names no profile. {@code what} names where it is
   * written ({@code accounts.list[2].folder-profile}, {@code column folder-profile}); {@code
   * echo} false keeps a value that is no profile name out of the message (a CSV cell may hold a
   * password pasted into the wrong column).
   */
  void check(AccountInput.Value name, String what, boolean echo) {
    if (!name.valid() || byName.containsKey(name.text())) {
      return;
    }
    boolean shown = echo || NAME.matcher(name.text()).matches();
    String named = shown ? "'" + name.text() + "'" : "a value that is no profile name";
    if (byName.isEmpty()) {
      ctx.error(name.location(), what + " names folder profile " + named + ", but the plan"
          + " declares no accounts.folder-profiles", "declare it, e.g. accounts:"
          + " { folder-profiles: { " + (shown ? name.text() : "legacy") + ": { rename: [ {"
          + " match: \"^Old/(.*)$\", to: \"$1\" } ] } } }, or remove the folder-profile");
      return;
    }
    List<String> known = List.copyOf(byName.keySet());
    String suggestion = shown ? Suggestions.closest(name.text(), known)
        .map(k -> "did you mean '" + k + "'? ").orElse("") : "";
    ctx.error(name.location(), what + " names folder profile " + named + ", which"
        + " accounts.folder-profiles does not declare", suggestion + "declared profiles: "
        + String.join(", ", known));
  }

  /**
   * The rules of the profile {@code name}, marking it used; empty when there is no such profile
   * (already reported by {@link #check}).
   */
  Optional<FolderOverrides> use(String name) {
    Profile p = byName.get(name);
    if (p == null) {
      return Optional.empty();
    }
    used.add(name);
    return Optional.of(p.rules());
  }

  /** Warns, at its key, about each profile that no account uses. */
  void warnUnused() {
    byName.forEach((name, p) -> {
      if (!used.contains(name)) {
        ctx.warning(p.at(), "folder profile '" + name + "' is used by no account",
            "name it with folder-profile: " + name + " on an account, in accounts.defaults or"
                + " in the CSV's folder-profile column; or remove it");
      }
    });
  }
}
