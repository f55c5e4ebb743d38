package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import java.util.Collection;
import java.util.Set;

/** UID STORE and UID EXPUNGE on the selected folder. */
final class FlagWriter {
  private FlagWriter() {}

  static void replace(Wire wire, String folder, long uid, Set<String> flags) {
    if (uid < 1) {
      throw new IllegalArgumentException("UIDs start at 1: " + uid);
    }
    String command = "UID STORE " + uid + " FLAGS.SILENT " + Wording.flagList(flags);
    wire.call(Op.STORE, folder, p -> wire.simple(p, Op.STORE, folder, command, null));
  }

  /** UID STORE uid-set FLAGS.SILENT: the same flags on several messages, a command per set. */
  static void replace(Wire wire, String folder, Collection<Long> uids, Set<String> flags) {
    if (uids.isEmpty()) {
      return;
    }
    if (uids.stream().anyMatch(u -> u < 1)) {
      throw new IllegalArgumentException("UIDs start at 1: " + uids);
    }
    String flagList = Wording.flagList(flags);
    wire.call(Op.STORE, folder, p -> {
      for (String set : UidSets.of(uids)) {
        wire.simple(p, Op.STORE, folder, "UID STORE " + set + " FLAGS.SILENT " + flagList, null);
      }
      return null;
    });
  }

  /**
   * RFC 4315 2.1: UID EXPUNGE removes only the given UIDs. A plain EXPUNGE would also remove
   * messages that someone else flagged \Deleted, so without UIDPLUS nothing is removed.
   */
  static void expunge(Wire wire, ServerInfo info, String folder, Collection<Long> uids) {
    if (uids.isEmpty()) {
      return;
    }
    if (!info.has("UIDPLUS")) {
      throw new ImapException(Kind.REJECTED, "expunge in \"" + folder + "\" on "
          + wire.failures().where() + " refused: the server lacks UIDPLUS (RFC 4315), and a "
          + "plain EXPUNGE could remove messages others flagged \\Deleted");
    }
    wire.call(Op.EXPUNGE, folder, p -> {
      for (String set : UidSets.of(uids)) {
        wire.simple(p, Op.STORE, folder, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
        wire.simple(p, Op.EXPUNGE, folder, "UID EXPUNGE " + set, null);
      }
      return null;
    });
  }
}
