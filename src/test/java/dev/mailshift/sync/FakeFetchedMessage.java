package dev.mailshift.sync;

import dev.mailshift.imap.FetchedMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fetched body held in memory; counts closes so tests can see none leak. */
final class FakeFetchedMessage implements FetchedMessage {
  private final long uid;
  private final byte[] bytes;
  private boolean closed;

  FakeFetchedMessage(long uid, byte[] bytes) {
    this.uid = uid;
    this.bytes = bytes.clone();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long uid() {
    return uid;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public String sha256() {
    return sha256(bytes);
  }

  @Override
  public InputStream open() {
    if (closed) {
      throw new IllegalStateException("fetched message " + uid + " used after close");
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void close() {
    closed = true;
  }
}
