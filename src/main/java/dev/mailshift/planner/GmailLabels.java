package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.sync.GmailFolder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a Gmail source's labels are migrated ({@code folders.gmail-labels}), as observed for one
 * account: a one-line comparison of what each policy copies, and per source folder what its
 * sync must know (labels as keywords, messages copied into an earlier folder). Pure: the
 * counts and message ids are read by the caller.
 *
 * @param counts what each policy copies; empty for a source that is not Gmail
 */
public record GmailLabels(Optional<Counts> counts, Map<String, GmailFolder> folders) {
  public static final GmailLabels NONE = new GmailLabels(Optional.empty(), Map.of());

  public GmailLabels {
    Objects.requireNonNull(counts, "counts");
    folders = Map.copyOf(folders);
  }

  /**
   * The one-line comparison {@code plan} prints, e.g. "Gmail labels: folders.gmail-labels:
   * folders copies 13 message(s) ..., all-mail 7 ..., skip-duplicates 7 ...; this plan:
   * folders"; empty for a source that is not Gmail.
   */
  public String comparison() {
    return counts.map(c -> String.format(Locale.ROOT, "Gmail labels: folders.gmail-labels:"
        + " folders copies %d message(s) (one copy per label), all-mail %d (labels as keywords),"
        + " skip-duplicates %s%d (each message once); this plan: %s", c.folders(), c.allMail(),
        c.skipDuplicatesExact() ? "" : "about ", c.skipDuplicates(), c.policy())).orElse("");
  }

  /**
   * How many messages each policy copies, for {@code plan --json}.
   *
   * @param policy the plan's choice, as written in the plan
   * @param skipDuplicatesExact false when skip-duplicates is not the plan's choice: then its count
   *     is All Mail + Spam + Trash, an estimate (the X-GM-MSGIDs were not read)
   */
  public record Counts(String policy, long folders, long allMail, long skipDuplicates,
      boolean skipDuplicatesExact) {
    public Counts {
      Objects.requireNonNull(policy, "policy");
    }
  }

  /**
   * The counts: {@code labelFolders}, message counts of the folders the folders policy copies;
   * {@code allMailFolders}, those of All Mail, Junk and Trash; {@code distinct}, the number of
   * distinct messages when known (skip-duplicates read them).
   */
  public static Counts counts(FolderRules.GmailLabels chosen, Map<String, Long> labelFolders,
      Map<String, Long> allMailFolders, OptionalLong distinct) {
    long folders = labelFolders.values().stream().mapToLong(Long::longValue).sum();
    long allMail = allMailFolders.values().stream().mapToLong(Long::longValue).sum();
    return new Counts(chosen.name().toLowerCase(Locale.ROOT).replace('_', '-'), folders, allMail,
        distinct.orElse(allMail), distinct.isPresent());
  }

  public GmailFolder of(String sourceFolder) {
    return folders.getOrDefault(sourceFolder, GmailFolder.NONE);
  }

  /**
   * The order in which a message's folders are tried for skip-duplicates: INBOX, Sent, Drafts,
   * the other labels by name, Junk, Trash, All Mail, Starred, Important. A message lands in the
   * first; All Mail comes late so that it receives only what no label holds (archived mail).
   */
  public static Comparator<MappedFolder> order(Map<String, FolderInfo> sourceFolders) {
    return Comparator.comparingInt((MappedFolder f) -> rank(f, sourceFolders.get(f.sourceFolder())))
        .thenComparing(f -> f.logicalName().toLowerCase(Locale.ROOT));
  }

  private static int rank(MappedFolder f, FolderInfo info) {
    if (f.logicalName().equalsIgnoreCase("INBOX")) {
      return 0;
    }
    if (info != null && info.attributes().stream().anyMatch(a -> a.equalsIgnoreCase("\\Important"))) {
      return 8;
    }
    Optional<SpecialFolders.Role> role = info == null ? Optional.empty()
        : SpecialFolders.standard().roleOf(info, f.logicalName()).map(SpecialFolders.Recognised::role);
    return role.map(r -> switch (r) {
      case SENT -> 1;
      case DRAFTS -> 2;
      case ARCHIVE -> 3;
      case JUNK -> 4;
      case TRASH -> 5;
      case ALL -> 6;
      case FLAGGED -> 7;
    }).orElse(3);
  }

  /** Whether the folder is Gmail's All Mail (\All). */
  public static boolean isAllMail(FolderInfo folder, String logical) {
    return SpecialFolders.standard().roleOf(folder, logical).map(SpecialFolders.Recognised::role)
        .filter(r -> r == SpecialFolders.Role.ALL).isPresent();
  }

  /** Whether a folder holds mail that is not in All Mail (its own role is All, Junk or Trash). */
  public static boolean keptByAllMail(FolderInfo folder, String logical) {
    return SpecialFolders.standard().roleOf(folder, logical).map(SpecialFolders.Recognised::role)
        .filter(r -> r == SpecialFolders.Role.ALL || r == SpecialFolders.Role.JUNK
            || r == SpecialFolders.Role.TRASH).isPresent();
  }

  /**
   * Assigns each Gmail message (X-GM-MSGID) to the first folder it is seen in: feed the folders
   * in {@link #order}; every later sighting is a duplicate with the owner's name.
   */
  public static final class Duplicates {
    private final Map<Long, String> owner = new HashMap<>();
    private final Map<String, Map<Long, String>> byFolder = new HashMap<>();

    public void add(String folder, long uid, long messageId) {
      String first = owner.putIfAbsent(messageId, folder);
      if (first != null && !first.equals(folder)) {
        byFolder.computeIfAbsent(folder, k -> new HashMap<>()).put(uid, first);
      }
    }

    public Map<Long, String> of(String folder) {
      return byFolder.getOrDefault(folder, Map.of());
    }

    public long distinct() {
      return owner.size();
    }

    public List<String> folders() {
      return List.copyOf(byFolder.keySet());
    }
  }
}
