package dev.mailshift.imap;

import java.io.IOException;
import java.io.InputStream;

/**
 * The exact RFC822 bytes of one message as fetched with BODY.PEEK[], held in memory when small
 * and in a temp file when large, so memory does not grow with message size. Its length has been
 * checked against RFC822.SIZE: a short or long literal never becomes a FetchedMessage. Close it to
 * delete the temp file.
 */
public interface FetchedMessage extends AutoCloseable {
  long uid();

  long size();

  /** SHA-256 of the bytes, lower-case hex. */
  String sha256();

  /** A fresh stream over the bytes; may be called more than once. */
  InputStream open() throws IOException;

  @Override
  void close();
}
