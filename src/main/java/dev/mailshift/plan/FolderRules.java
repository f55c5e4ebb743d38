package dev.mailshift.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param merge whether several source folders may land in one destination folder (otherwise
 *     that is a plan error naming them)
 * @param caseInsensitiveDestination whether the destination treats folder names that differ
 *     only in case as one folder (Exchange, Gmail, Outlook.com do); then two source folders whose
 *     destination names differ only in case are an error (or, with {@code merge}, one folder)
 * @param reservedNames destination names the destination refuses or keeps for itself (compared
 *     ignoring case); mapping a source folder onto one is an error
 * @param gmailLabels how a Gmail source's labels are migrated (only used when the source
 *     advertises X-GM-EXT-1)
 * @param mapLocations where each {@code map} entry is written, by source name (for messages)
 * @param profile the {@code accounts.folder-profiles} entry layered into these rules (named by
 *     the account's or {@code accounts.defaults}' {@code folder-profile}); empty when none
 */
public record FolderRules(
    List<String> include,
    List<String> exclude,
    Map<String, String> map,
    List<RenameRule> rename,
    String destinationPrefix,
    SpecialUse specialUse,
    Subscriptions subscriptions,
    String separatorReplacement,
    boolean merge,
    boolean caseInsensitiveDestination,
    List<String> reservedNames,
    GmailLabels gmailLabels,
    Map<String, Location> mapLocations,
    Optional<String> profile) {

  public enum SpecialUse {
    AUTO,
    OFF
  }

  public enum Subscriptions {
    COPY,
    ALL,
    NONE
  }

  /**
   * Gmail shows each label as a folder and a message with three labels in three folders (and in
   * {@code [Gmail]/All Mail}).
   */
  public enum GmailLabels {
    /** One folder per label; a message is copied into each folder it is in. */
    FOLDERS,
    /**
     * Only {@code [Gmail]/All Mail} (plus Spam and Trash, which are not in it): each message
     * once, its labels carried as keywords.
     */
    ALL_MAIL,
    /**
     * Every label folder, but each message copied once: into the first of its folders in the
     * order INBOX, Sent, Drafts, other labels by name, Junk, Trash, All Mail, Starred, Important.
     */
    SKIP_DUPLICATES
  }

  public static final FolderRules DEFAULT =
      new FolderRules(List.of(), List.of(), Map.of(), List.of(), "", SpecialUse.AUTO,
          Subscriptions.COPY, "_", false, true, List.of("Files"), GmailLabels.FOLDERS, Map.of());

  public FolderRules {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    map = Map.copyOf(map);
    rename = List.copyOf(rename);
    Objects.requireNonNull(destinationPrefix, "destinationPrefix");
    Objects.requireNonNull(specialUse, "specialUse");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(separatorReplacement, "separatorReplacement");
    reservedNames = List.copyOf(reservedNames);
    Objects.requireNonNull(gmailLabels, "gmailLabels");
    mapLocations = Map.copyOf(mapLocations);
    Objects.requireNonNull(profile, "profile");
  }

  /** Rules no folder profile contributed to. */
  public FolderRules(List<String> include, List<String> exclude, Map<String, String> map,
      List<RenameRule> rename, String destinationPrefix, SpecialUse specialUse,
      Subscriptions subscriptions, String separatorReplacement, boolean merge,
      boolean caseInsensitiveDestination, List<String> reservedNames, GmailLabels gmailLabels,
      Map<String, Location> mapLocations) {
    this(include, exclude, map, rename, destinationPrefix, specialUse, subscriptions,
        separatorReplacement, merge, caseInsensitiveDestination, reservedNames, gmailLabels,
        mapLocations, Optional.empty());
  }

  /** These rules, recorded as layered with the folder profile {@code name}. */
  public FolderRules withProfile(String name) {
    return new FolderRules(include, exclude, map, rename, destinationPrefix, specialUse,
        subscriptions, separatorReplacement, merge, caseInsensitiveDestination, reservedNames,
        gmailLabels, mapLocations, Optional.of(name));
  }

  /** Where the map entry for {@code source} is written, or UNKNOWN. */
  public Location mapLocation(String source) {
    return mapLocations.getOrDefault(source, Location.UNKNOWN);
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
