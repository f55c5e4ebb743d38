package dev.mailshift.plan.load;

import dev.mailshift.plan.FolderNames;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.FolderRules.RenameRule;
import dev.mailshift.plan.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a {@code folders:} block (plan-wide, in {@code accounts.defaults} or on one account) into
 * {@link FolderOverrides}. Every regular expression is compiled here, where its position is
 * known, and every rename target's {@code $n} is checked against the groups of its match.
 */
final class FolderRulesReader {
  static final List<String> KEYS = List.of("include", "exclude", "map", "rename",
      "destination-prefix", "special-use", "subscriptions", "separator-replacement", "merge",
      "case-insensitive-destination", "reserved-names", "gmail-labels");
  static final List<String> RENAME_KEYS = List.of("match", "to");

  private static final Map<String, FolderRules.SpecialUse> SPECIAL_USE =
      Choices.of(FolderRules.SpecialUse.class);
  private static final Map<String, FolderRules.Subscriptions> SUBSCRIPTIONS =
      Choices.of(FolderRules.Subscriptions.class);
  private static final Map<String, FolderRules.GmailLabels> GMAIL_LABELS =
      Choices.of(FolderRules.GmailLabels.class);
  private static final Pattern GROUP_REFERENCE = RenameTemplate.GROUP_REFERENCE;
  private static final String REGEX_FIX =
      "correct the Java regular expression; escape literal ( ) [ ] . + * ? with a backslash";

  private final ReadContext ctx;

  FolderRulesReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  FolderOverrides read(Node node, String path) {
    Optional<YamlMap> found = YamlMap.read(node, path, KEYS, ctx);
    if (found.isEmpty()) {
      return FolderOverrides.NONE;
    }
    YamlMap m = found.get();
    return new FolderOverrides(
        m.sequence("include").map(items -> regexes(items, m.path("include"))),
        m.sequence("exclude").map(items -> patterns(items, m.path("exclude"))),
        m.get("map").map(n -> explicitMap(n, m.path("map"))),
        m.sequence("rename").map(items -> renames(items, m.path("rename"))),
        destinationPrefix(m),
        m.choice("special-use", SPECIAL_USE),
        m.choice("subscriptions", SUBSCRIPTIONS),
        separatorReplacement(m),
        m.bool("merge"),
        m.bool("case-insensitive-destination"),
        m.sequence("reserved-names").map(items -> names(items, m.path("reserved-names"))),
        m.choice("gmail-labels", GMAIL_LABELS));
  }

  private List<String> names(List<Node> items, String path) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String where = path + "[" + i + "]";
      ctx.string(item, where).ifPresent(name -> {
        if (name.isBlank()) {
          ctx.error(item, where + " is empty", "write a folder name, or remove the entry");
        } else {
          out.add(name);
        }
      });
    }
    return out;
  }

  private List<String> regexes(List<Node> items, String path) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String where = path + "[" + i + "]";
      ctx.string(item, where).filter(r -> compiles(r, item, where).isPresent()).ifPresent(out::add);
    }
    return out;
  }

  private FolderOverrides.Patterns patterns(List<Node> items, String path) {
    List<String> regexes = new ArrayList<>();
    List<Location> locations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String where = path + "[" + i + "]";
      ctx.string(item, where).filter(r -> compiles(r, item, where).isPresent()).ifPresent(r -> {
        regexes.add(r);
        locations.add(ctx.at(item));
      });
    }
    return new FolderOverrides.Patterns(regexes, locations);
  }

  /**
   * Warns about a name (or pattern) written in modified UTF-7, the IMAP wire spelling, where the
   * plan wants plain Unicode.
   */
  private void wireSpelling(String text, Location at, String where) {
    WireSpelling.plainForm(text).ifPresent(plain -> ctx.warning(at, where + " '" + text
        + "' looks like the IMAP wire spelling (modified UTF-7) of '" + plain + "': names in"
        + " a plan are plain Unicode, and mailshift encodes them for the server, so this one"
        + " would name another folder", "write '" + plain + "'"));
  }

  private Optional<Pattern> compiles(String regex, Node at, String where) {
    wireSpelling(regex, ctx.at(at), where);
    try {
      return Optional.of(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      ctx.error(at, where + " is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex(), REGEX_FIX);
      return Optional.empty();
    }
  }

  /**
   * The explicit map with each entry's position. Two entries with one target are checked with
   * the effective rules ({@code merge}, case), in {@code plan.check}.
   */
  private FolderOverrides.MapEntries explicitMap(Node node, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Location> where = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : YamlMap.entries(node, path, ctx).orElse(Map.of())
        .entrySet()) {
      Node value = e.getValue().getValueNode();
      Optional<String> target = ctx.string(value, path + "." + e.getKey());
      if (target.isPresent() && target.get().isEmpty()) {
        ctx.error(value, path + "." + e.getKey() + " is empty", "name the destination folder");
        continue;
      }
      if (target.isEmpty()) {
        continue;
      }
      wireSpelling(e.getKey(), ctx.at(e.getValue().getKeyNode()), path + " entry");
      wireSpelling(target.get(), ctx.at(value), path + "." + e.getKey());
      out.put(e.getKey(), target.get());
      where.put(e.getKey(), ctx.at(e.getValue().getKeyNode()));
    }
    return new FolderOverrides.MapEntries(out, where);
  }

  private List<RenameRule> renames(List<Node> items, String path) {
    List<RenameRule> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = path + "[" + i + "]";
      YamlMap.read(items.get(i), where, RENAME_KEYS, ctx)
          .flatMap(rule -> rename(rule)).ifPresent(out::add);
    }
    return out;
  }

  private Optional<RenameRule> rename(YamlMap rule) {
    Optional<String> match = rule.requiredString("match", "add match: \"^Old/(.*)$\"");
    Optional<String> to = rule.requiredString("to", "add to: \"New/$1\"");
    Optional<Pattern> pattern = match.flatMap(r -> compiles(r, rule.get("match").orElseThrow(),
        rule.path("match")));
    if (pattern.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    Matcher refs = GROUP_REFERENCE.matcher(to.get());
    int groups = pattern.get().matcher("").groupCount();
    while (refs.find()) {
      boolean known = refs.group(2) != null
          ? pattern.get().namedGroups().containsKey(refs.group(2))
          : Integer.parseInt(refs.group(1)) <= groups;
      if (!known) {
        ctx.error(rule.valueLocation("to"), rule.path("to") + " refers to " + refs.group()
            + " but match has no such group", RenameTemplate.groupsFix(pattern.get()));
        return Optional.empty();
      }
    }
    wireSpelling(to.get(), rule.valueLocation("to"), rule.path("to"));
    return Optional.of(new RenameRule(match.get(), to.get(), rule.location()));
  }

  /** The prefix is a folder path itself: no empty level, no outer spaces. */
  private Optional<String> destinationPrefix(YamlMap m) {
    Optional<String> value = m.string("destination-prefix");
    value.ifPresent(v -> wireSpelling(v, m.valueLocation("destination-prefix"),
        m.path("destination-prefix")));
    Optional<String> why = value.filter(p -> !p.isEmpty()).flatMap(FolderNames::unholdable);
    if (why.isPresent()) {
      ctx.error(m.valueLocation("destination-prefix"), m.path("destination-prefix") + " '"
          + value.get() + "' " + why.get(), "write the destination folder path with '/' between"
          + " levels and no leading, trailing or double '/', e.g. destination-prefix: \"Old host\"");
      return Optional.empty();
    }
    return value;
  }

  private Optional<String> separatorReplacement(YamlMap m) {
    Optional<String> value = m.string("separator-replacement");
    if (value.isPresent() && (value.get().isEmpty() || value.get().contains("/"))) {
      ctx.error(m.valueLocation("separator-replacement"),
          m.path("separator-replacement") + " must be non-empty and without '/'",
          "use a character such as \"_\" or \"-\"");
      return Optional.empty();
    }
    return value;
  }
}
