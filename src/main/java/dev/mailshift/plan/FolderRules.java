package dev.mailshift.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which source folders are migrated and what they are called on the destination. Names are plain
 * Unicode with {@code /} as the hierarchy separator, whatever the servers use; encoding (modified
 * UTF-7), namespace prefixes and separators are mailshift's job.
 *
 * @param include regular expressions; a folder is migrated when it matches one (empty = all)
 * @param exclude regular expressions; a matching folder is never migrated (wins over include)
 * @param map explicit 1:1 renames, source name to destination name
 * @param rename ordered regex rules with capture groups; the first match wins
 * @param destinationPrefix put every migrated folder under this folder on the destination ("" =
 *     none)
 * @param specialUse map Sent/Drafts/Trash/Junk/Archive by role ({@code auto}) or not ({@code off})
 * @param subscriptions copy the source's subscriptions, subscribe all, or none
 * @param separatorReplacement what a destination-separator character inside a source name
 *     component becomes
 */
public record FolderRules(
    List<String> include,
    List<String> exclude,
    Map<String, String> map,
    List<RenameRule> rename,
    String destinationPrefix,
    SpecialUse specialUse,
    Subscriptions subscriptions,
    String separatorReplacement) {

  public enum SpecialUse {
    AUTO,
    OFF
  }

  public enum Subscriptions {
    COPY,
    ALL,
    NONE
  }

  public static final FolderRules DEFAULT =
      new FolderRules(
          List.of(), List.of(), Map.of(), List.of(), "", SpecialUse.AUTO, Subscriptions.COPY, "_");

  public FolderRules {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    map = Map.copyOf(map);
    rename = List.copyOf(rename);
    Objects.requireNonNull(destinationPrefix, "destinationPrefix");
    Objects.requireNonNull(specialUse, "specialUse");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(separatorReplacement, "separatorReplacement");
  }

  /** One ordered rename rule: a regex over the full source name and a replacement with $1.. */
  public record RenameRule(String match, String to, Location location) {
    public RenameRule {
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(location, "location");
    }
  }
}
