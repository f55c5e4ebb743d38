package dev.mailshift.planner;

import dev.mailshift.plan.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a source folder goes where it goes, or why it is left out, for scripts ({@code plan
 * --json}): the kind of decision and, where a rule of the plan made it, which rule and where it
 * is written. The text rendering is {@link MappedFolder#reason()} / {@link
 * MappedFolder#excludedBecause()}.
 *
 * @param kind what decided
 * @param rule the plan rule that decided, for {@link Kind#MAP_ENTRY} and {@link
 *     Kind#RENAME_RULE}; empty otherwise
 * @param role the SPECIAL-USE attribute (e.g. {@code \Sent}) for the special-use kinds
 */
public record MapReason(Kind kind, Optional<Rule> rule, Optional<String> role) {
  /** The decision, in the order the mapper tries them. */
  public enum Kind {
    /** INBOX is INBOX. */
    INBOX,
    /** Left out by a {@code folders.exclude} pattern. */
    EXCLUDED,
    /** Left out: {@code folders.include} is set and no pattern matches. */
    NOT_INCLUDED,
    /** Left out: a calendar, contacts, tasks... folder that holds no mail. */
    NON_MAIL,
    /** Left out under {@code folders.gmail-labels: all-mail}. */
    GMAIL_LABEL,
    /** An explicit {@code folders.map} entry. */
    MAP_ENTRY,
    /** The first matching {@code folders.rename} rule. */
    RENAME_RULE,
    /** The folder's RFC 6154 SPECIAL-USE (or XLIST) attribute. */
    SPECIAL_USE_ATTRIBUTE,
    /** The folder's name in the table of localized special-folder names. */
    SPECIAL_USE_NAME,
    /** A child of a folder mapped by role, following its parent (Archiv/2019). */
    INSIDE_SPECIAL_FOLDER,
    /** The source name itself (under the destination prefix, if any). */
    SAME_NAME
  }

  /**
   * One rule of the plan.
   *
   * @param section {@code map} or {@code rename}
   * @param number 1-based position of a rename rule in its list; for a map entry its position in
   *     the file's order of map entries
   * @param match the map entry's source name, or the rename rule's regular expression
   * @param at where the rule is written
   */
  public record Rule(String section, int number, String match, Location at) {
    public Rule {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(at, "at");
    }
  }

  public MapReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(role, "role");
  }

  static MapReason of(Kind kind) {
    return new MapReason(kind, Optional.empty(), Optional.empty());
  }
}
