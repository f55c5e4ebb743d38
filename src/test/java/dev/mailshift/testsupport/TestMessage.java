package dev.mailshift.testsupport;

import dev.mailshift.imap.FetchedMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** A {@link FetchedMessage} made from bytes in a test, and generators for test mail. */
public record TestMessage(long uid, byte[] bytes) implements FetchedMessage {
  public static TestMessage of(byte[] bytes) {
    return new TestMessage(0, bytes);
  }

  public static TestMessage of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A small, well-formed text message with CRLF line ends. */
  public static TestMessage simple(String subject, String messageId) {
    return of("From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject
        + "\r\nMessage-ID: " + messageId + "\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
        + "\r\nHello " + subject + "\r\n");
  }

  /**
   * A multipart message with a base64 attachment of about {@code approxBytes} random bytes; lines
   * end in CRLF. Deterministic for a seed.
   */
  public static TestMessage withAttachment(int approxBytes, long seed) {
    byte[] payload = new byte[approxBytes * 3 / 4];
    new Random(seed).nextBytes(payload);
    String b64 = java.util.Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(payload);
    String text = "From: a@example.org\r\nTo: b@example.org\r\nSubject: big " + seed + "\r\n"
        + "Message-ID: <big-" + seed + "@example.org>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nsee attachment\r\n--b1\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"data.bin\"\r\n\r\n" + b64
        + "\r\n--b1--\r\n";
    return of(text);
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "TestMessage[" + bytes.length + " bytes]";
  }
}
