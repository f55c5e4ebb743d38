package dev.mailshift.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test messages as RFC 5322 bytes (CRLF line ends). */
final class Mail {
  static final Instant DATE = Instant.parse("2024-05-06T07:08:09Z");

  private Mail() {}

  static byte[] message(String messageId, String subject, String body) {
    StringBuilder b = new StringBuilder();
    b.append("From: alice@old.example\r\nTo: bob@old.example\r\n");
    if (messageId != null) {
      b.append("Message-ID: <").append(messageId).append(">\r\n");
    }
    b.append("Subject: ").append(subject).append("\r\n\r\n").append(body).append("\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] message(String messageId) {
    return message(messageId, "about " + messageId, "text of " + messageId);
  }

  static Instant date(int day) {
    return DATE.plusSeconds(86_400L * day);
  }
}
