package dev.mailshift.sync;

import dev.mailshift.state.UidMapping;
import java.util.Optional;
import java.util.Set;

/** A folder pair with both UIDVALIDITY values of one attempt: what every state row is keyed by. */
record FolderKey(FolderPair pair, long sourceUidValidity, long destinationUidValidity) {
  String account() {
    return pair.account();
  }

  String source() {
    return pair.sourceFolder();
  }

  String destination() {
    return pair.destinationFolder();
  }

  UidMapping mapping(long sourceUid, long destinationUid, long size, Optional<String> sha256,
      Set<String> flags) {
    return new UidMapping(account(), source(), sourceUidValidity, sourceUid, destination(),
        destinationUidValidity, destinationUid, size, sha256, flags);
  }
}
