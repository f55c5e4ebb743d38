package dev.mailshift.imap;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A fetched message small enough to stay on the heap. */
record MemoryMessage(long uid, byte[] bytes, String sha256) implements FetchedMessage {
  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "MemoryMessage[uid=" + uid + ", size=" + bytes.length + "]";
  }
}
