package dev.mailshift.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Exclusive right to change a state (one {@code apply} at a time). Backed by an OS lock on
 * {@code <state file>.lock}, which the kernel releases when the holder dies, even by SIGKILL; the
 * file's content names the holder for the refusal message. Close to release.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;
  private final LockHolder holder;

  private RunLock(FileChannel channel, FileLock lock, LockHolder holder) {
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  static RunLock acquire(Path lockFile, LockHolder me) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM already
      }
      if (lock == null) {
        Optional<LockHolder> other = LockHolder.parse(read(channel));
        channel.close();
        throw new StateLockedException(lockFile, other);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.serialize().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new RunLock(channel, lock, me);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to release: the lock was never taken
      }
    }
  }

  public LockHolder holder() {
    return holder;
  }

  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        channel.truncate(0);
        lock.release();
        channel.close();
      }
    } catch (IOException e) {
      throw new StateException("cannot release run lock: " + e.getMessage(), e);
    }
  }
}
