package dev.mailshift.sync;

import dev.mailshift.imap.FolderStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * STATUS of a folder pair as observed at the start of a run (e.g. by one LIST-STATUS per
 * account), so that an unchanged folder can be passed without opening sessions for it.
 *
 * @param sourceCondstore whether the source server offers CONDSTORE (its HIGHESTMODSEQ then
 *     covers flag changes)
 * @param destinationAppendLimit the destination's APPENDLIMIT (RFC 7889), when advertised: a
 *     recorded "over the APPENDLIMIT" skip stands only while the limit does
 */
public record ObservedStatus(FolderStatus source, FolderStatus destination,
    boolean sourceCondstore, OptionalLong destinationAppendLimit) {
  public ObservedStatus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(destinationAppendLimit, "destinationAppendLimit");
  }

  /** Of a destination without APPENDLIMIT. */
  public ObservedStatus(FolderStatus source, FolderStatus destination, boolean sourceCondstore) {
    this(source, destination, sourceCondstore, OptionalLong.empty());
  }
}
