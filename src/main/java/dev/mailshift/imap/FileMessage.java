package dev.mailshift.imap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fetched message spooled to a private temp file, deleted on {@link #close}. */
final class FileMessage implements FetchedMessage {
  private static final System.Logger LOG = System.getLogger(FileMessage.class.getName());

  private final long uid;
  private final Path file;
  private final long size;
  private final String sha256;

  FileMessage(long uid, Path file, long size, String sha256) {
    this.uid = uid;
    this.file = file;
    this.size = size;
    this.sha256 = sha256;
  }

  @Override
  public long uid() {
    return uid;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String sha256() {
    return sha256;
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "could not delete spool file " + file + ": " + e);
    }
  }

  @Override
  public String toString() {
    return "FileMessage[uid=" + uid + ", size=" + size + "]";
  }
}
