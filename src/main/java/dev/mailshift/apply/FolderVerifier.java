package dev.mailshift.apply;

import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.SessionProvider;

/** Compares one folder pair, read-only on both sides. */
public interface FolderVerifier {
  FolderCheck check(SessionProvider source, SessionProvider destination, FolderPair pair);
}
