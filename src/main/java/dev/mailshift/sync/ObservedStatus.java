package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import java.util.Objects;

/**
 * STATUS of a folder pair as observed at the start of a run (e.g. by one LIST-STATUS per
 * account), so that an unchanged folder can be passed without opening sessions for it.
 *
 * @param sourceCondstore whether the source server offers CONDSTORE (its HIGHESTMODSEQ then
 *     covers flag changes)
 */
public record ObservedStatus(FolderStatus source, FolderStatus destination,
    boolean sourceCondstore) {
  public ObservedStatus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }
}
