package dev.mailshift.testsupport;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.FetchedMessage;
import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.ImapSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Fills a mailbox through the adapter (APPEND of exact bytes), for tests. */
public final class Seeder {
  private final ImapConnector connector;
  private final ImapEndpoint endpoint;
  private final Credentials credentials;

  public Seeder(ImapConnector connector, ImapEndpoint endpoint, Credentials credentials) {
    this.connector = connector;
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /** One message to seed. */
  public record Mail(FetchedMessage message, Set<String> flags, Instant internalDate) {}

  /** Creates {@code folder} (unless it is INBOX) and appends; returns the UIDs in order. */
  public List<Long> seed(String folder, List<Mail> mails) {
    try (ImapSession s = connector.connect(endpoint, credentials, Access.READ_WRITE)) {
      if (!folder.equalsIgnoreCase("INBOX")) {
        s.create(folder);
      }
      List<Long> uids = new ArrayList<>();
      for (Mail m : mails) {
        uids.add(s.append(folder, m.message(), m.flags(), m.internalDate()).orElseThrow());
      }
      return uids;
    }
  }

  /** {@code count} small distinct messages, unflagged. */
  public List<Long> seedSimple(String folder, int count, Instant date) {
    List<Mail> mails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      mails.add(new Mail(TestMessage.simple("message " + i, "<seed-" + i + "@example.org>"),
          Set.of(), date));
    }
    return seed(folder, mails);
  }
}
