package dev.mailshift.state;

import java.nio.file.Path;
import java.util.Optional;

/** Another process (or another apply in this one) holds the run lock of this state file. */
public class StateLockedException extends StateException {
  private final transient Optional<LockHolder> holder;

  public StateLockedException(Path lockFile, Optional<LockHolder> holder) {
    super("state " + lockFile + " is locked by "
        + holder.map(LockHolder::toString).orElse("another mailshift process (holder unknown)")
        + ": wait for it to finish, or stop it; a killed holder releases the lock by itself");
    this.holder = holder;
  }

  public Optional<LockHolder> holder() {
    return holder;
  }
}
