package dev.mailshift.apply;

import dev.mailshift.sync.FolderPair;

/**
 * The validate step's finding for one folder: counts and bytes on both sides. A shortfall is a
 * destination holding fewer messages than the source minus what was skipped by rule.
 */
public record FolderCheck(
    FolderPair pair,
    long sourceMessages,
    long sourceBytes,
    long destinationMessages,
    long destinationBytes,
    long skipped) {

  public boolean shortfall() {
    return destinationMessages < sourceMessages - skipped;
  }

  public long missing() {
    return Math.max(0, sourceMessages - skipped - destinationMessages);
  }
}
