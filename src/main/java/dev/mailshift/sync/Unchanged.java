package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.state.FolderCheckpoint;

/** The cheap tests that decide whether a folder needs any per-message work. */
final class Unchanged {
  private Unchanged() {}

  /**
   * True when STATUS of both folders shows exactly what the last complete sync saw and the
   * source has CONDSTORE: same UIDVALIDITYs, UIDNEXT, MESSAGES and HIGHESTMODSEQ mean no message
   * arrived, left, or changed flags (RFC 7162 3.1.2.1: any flag change raises HIGHESTMODSEQ).
   */
  static boolean byStatus(FolderCheckpoint cp, FolderPair pair, ImapSession source,
      FolderStatus sourceStatus, FolderStatus destinationStatus) {
    return byStatus(cp, pair, source.info().has("CONDSTORE"), sourceStatus, destinationStatus);
  }

  /** As above, with the source's CONDSTORE capability given. */
  static boolean byStatus(FolderCheckpoint cp, FolderPair pair, boolean sourceCondstore,
      FolderStatus sourceStatus, FolderStatus destinationStatus) {
    return cp.uidNext() > 0
        && cp.matches(sourceStatus.uidValidity(), pair.destinationFolder(),
            destinationStatus.uidValidity())
        && cp.uidNext() == sourceStatus.uidNext()
        && cp.messages() == sourceStatus.messages()
        && sourceCondstore && sourceStatus.highestModseq().isPresent()
        && cp.highestModseq().equals(sourceStatus.highestModseq());
  }

  static boolean condstore(ImapSession source, FolderStatus status) {
    return source.info().has("CONDSTORE") && status.highestModseq().isPresent();
  }

  static String whyInvalid(FolderCheckpoint old, FolderKey now) {
    if (old.sourceUidValidity() != now.sourceUidValidity()) {
      return "source UIDVALIDITY of " + old.sourceFolder() + " changed from "
          + old.sourceUidValidity() + " to " + now.sourceUidValidity();
    }
    if (!old.destinationFolder().equals(now.destination())) {
      return "destination folder changed from " + old.destinationFolder() + " to "
          + now.destination();
    }
    return "destination UIDVALIDITY of " + now.destination() + " changed from "
        + old.destinationUidValidity() + " to " + now.destinationUidValidity();
  }
}
