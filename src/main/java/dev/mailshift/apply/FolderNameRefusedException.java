package dev.mailshift.apply;

import dev.mailshift.imap.ImapException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A server answered NO to a folder name while the account was observed: the source to STATUS or
 * SELECT of a folder it lists itself (e.g. a Maildir++ directory with an empty level, written by
 * another tool), or the destination to STATUS of a name mailshift would create (too long, a
 * character it does not allow). The session is fine; the name is the problem, so this is a
 * fault in the folder map to fix in the plan (or on the source), not an unreachable server.
 * Nothing was changed.
 */
public final class FolderNameRefusedException extends RuntimeException {
  // the tag before the NO, and Dovecot's timing suffix "(0.001 + 0.000 secs)."
  private static final Pattern TAGGED_NO = Pattern.compile("^\\S+ NO ");
  private static final Pattern TIMING = Pattern.compile("\\s*\\(\\d+\\.\\d+( \\+ \\d+\\.\\d+)*"
      + " secs\\)\\.?\\s*$");
  private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");
  private static final int COMMON_LEVEL_LIMIT = 255;

  /** Which server refused which name, and the server's words. */
  public record Refusal(boolean source, String sourceFolder, String logicalName,
      String destinationFolder, String command, String serverWords) {}

  private final String account;
  private final List<Refusal> refusals;

  public FolderNameRefusedException(String account, List<Refusal> refusals) {
    super(account + ": " + refusals.size() + " folder name(s) refused by the servers");
    this.account = account;
    this.refusals = List.copyOf(refusals);
  }

  public String account() {
    return account;
  }

  public List<Refusal> refusals() {
    return refusals;
  }

  /**
   * Whether {@code e} is a NO to one folder name rather than a failing server: a tagged NO
   * (RFC 3501 7.1.2) that is not "no such folder" and not "try later".
   */
  static boolean refusesName(ImapException e) {
    return (e.kind() == ImapException.Kind.REJECTED || e.kind() == ImapException.Kind.PROTOCOL)
        && TAGGED_NO.matcher(e.serverText()).find();
  }

  static String words(ImapException e) {
    return TIMING.matcher(TAGGED_NO.matcher(e.serverText()).replaceFirst("")).replaceFirst("");
  }

  /** One line per refusal with what to change in the plan, as {@code plan} prints them. */
  public List<String> lines() {
    return refusals.stream().map(this::line).toList();
  }

  private String line(Refusal r) {
    if (r.source()) {
      return account + ": the source server refuses the name of source folder '"
          + r.sourceFolder() + "' (" + r.command() + "): " + r.serverWords()
          + "\n    fix: the folder cannot be read under this name: leave it out with a"
          + " folders.exclude pattern (e.g. '^" + REGEX_SPECIALS.matcher(r.logicalName())
          .replaceAll("\\\\$0") + "$'), and rename it on the source server to migrate it";
    }
    return account + ": the destination server refuses the name '" + r.destinationFolder()
        + "' (for source folder '" + r.sourceFolder() + "', " + r.command() + "): "
        + r.serverWords() + longLevel(r.destinationFolder())
        + "\n    fix: give the folder a name the destination accepts with a folders.map entry"
        + " (\"" + r.logicalName() + "\": \"another name\") or a folders.rename rule, or"
        + " leave it out with folders.exclude";
  }

  private static String longLevel(String name) {
    int longest = 0;
    for (String level : name.split("/")) {
      longest = Math.max(longest, level.getBytes(StandardCharsets.UTF_8).length);
    }
    return longest > COMMON_LEVEL_LIMIT ? " (a level of " + longest + " bytes; many servers"
        + " allow at most " + COMMON_LEVEL_LIMIT + ")" : "";
  }
}
