package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Collects the bytes of one message as they arrive: on the heap up to {@code memoryLimit}, in a
 * private temp file beyond, with the SHA-256 computed on the way. Becomes a {@link
 * FetchedMessage} only when the byte count equals the expected RFC822.SIZE.
 */
final class Spool implements AutoCloseable {
  private final long uid;
  private final long expected;
  private final Path dir;
  private final int memoryLimit;
  private final MessageDigest digest;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private OutputStream fileOut;
  private Path file;
  private long count;
  private boolean handedOut;

  Spool(long uid, long expected, Path dir, int memoryLimit) {
    this.uid = uid;
    this.expected = expected;
    this.dir = dir;
    this.memoryLimit = memoryLimit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  long received() {
    return count;
  }

  void write(byte[] b, int off, int len) {
    digest.update(b, off, len);
    count += len;
    try {
      if (fileOut == null && memory.size() + (long) len > memoryLimit) {
        file = createFile();
        fileOut = Files.newOutputStream(file);
        memory.writeTo(fileOut);
        memory = null;
      }
      if (fileOut != null) {
        fileOut.write(b, off, len);
      } else {
        memory.write(b, off, len);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool message " + uid + " to " + dir, e);
    }
  }

  private Path createFile() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(dir, "mailshift-", ".eml",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, "mailshift-", ".eml");
  }

  /**
   * The message, if exactly {@code expected} bytes arrived; otherwise ImapException PROTOCOL and
   * the spool is discarded.
   */
  FetchedMessage finish(Failures failures) {
    if (count != expected) {
      close();
      throw new ImapException(Kind.PROTOCOL, "fetch of UID " + uid + " on " + failures.where()
          + " failed: got " + count + " bytes, RFC822.SIZE said " + expected);
    }
    String sha = HexFormat.of().formatHex(digest.digest());
    handedOut = true;
    if (fileOut == null) {
      return new MemoryMessage(uid, memory.toByteArray(), sha);
    }
    try {
      fileOut.close();
    } catch (IOException e) {
      handedOut = false;
      close();
      throw new UncheckedIOException("cannot spool message " + uid + " to " + dir, e);
    }
    return new FileMessage(uid, file, count, sha);
  }

  /** Discards what was received unless it was handed out. */
  @Override
  public void close() {
    if (handedOut) {
      return;
    }
    memory = null;
    try {
      if (fileOut != null) {
        fileOut.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete spool file " + file, e);
    }
  }
}
