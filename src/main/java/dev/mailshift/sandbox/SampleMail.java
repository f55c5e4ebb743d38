package dev.mailshift.sandbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import java.util.Random;

/**
 * Seeds the sandbox's source mailbox with the cases a migration must get right: nested and
 * non-ASCII folders, read and unread mail, flags and keywords, a multi-megabyte attachment,
 * a message without Message-ID, an excluded Trash folder, a German "Gesendete Objekte" that
 * must land in the destination's Sent, and a calendar folder, which holds no mail.
 */
final class SampleMail {
  private final int port;
  private final String user;
  private final String password;

  SampleMail(int port, String user, String password) {
    this.port = port;
    this.user = user;
    this.password = password;
  }

  void seed() {
    Properties p = new Properties();
    p.setProperty("mail.imaps.ssl.trust", "127.0.0.1");
    p.setProperty("mail.imaps.ssl.checkserveridentity", "false");
    Session session = Session.getInstance(p);
    try (Store store = session.getStore("imaps")) {
      store.connect("127.0.0.1", port, user, password);
      Random random = new Random(2026);
      fill(session, store.getFolder("INBOX"), 24, random, true);
      fill(session, folder(store, "Projects"), 6, random, false);
      fill(session, folder(store, "Projects.2024"), 5, random, false);
      fill(session, folder(store, "Entwürfe & Notizen"), 3, random, false);
      fill(session, folder(store, "Archive"), 4, random, false);
      fill(session, folder(store, "Trash"), 2, random, false);
      fill(session, folder(store, "Gesendete Objekte"), 3, random, false);
      fill(session, folder(store, "Kalender"), 1, random, false);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot seed the sandbox mailbox: " + e.getMessage(), e);
    }
  }

  /** Creates the destination's own folders, as a new host has them before any migration. */
  void prepareDestination() {
    Properties p = new Properties();
    p.setProperty("mail.imaps.ssl.trust", "127.0.0.1");
    p.setProperty("mail.imaps.ssl.checkserveridentity", "false");
    try (Store store = Session.getInstance(p).getStore("imaps")) {
      store.connect("127.0.0.1", port, user, password);
      folder(store, "Sent");
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot prepare the sandbox destination: " + e.getMessage(), e);
    }
  }

  private static Folder folder(Store store, String name) throws MessagingException {
    Folder f = store.getFolder(name);
    if (!f.exists()) {
      f.create(Folder.HOLDS_MESSAGES);
    }
    f.setSubscribed(true);
    return f;
  }

  private void fill(Session session, Folder folder, int count, Random random, boolean extras)
      throws MessagingException {
    folder.open(Folder.READ_WRITE);
    try {
      Message[] batch = new Message[count + (extras ? 2 : 0)];
      for (int i = 0; i < count; i++) {
        batch[i] = text(session, folder.getFullName(), i, random);
      }
      if (extras) {
        batch[count] = attachment(session);
        batch[count + 1] = withoutMessageId(session);
      }
      folder.appendMessages(batch);
    } finally {
      folder.close(false);
    }
  }

  private MimeMessage text(Session session, String folder, int i, Random random) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("=?UTF-8?Q?Bob_M=C3=BCller?= <bob@old.example>"));
    m.setRecipients(Message.RecipientType.TO, user);
    m.setSubject((i % 3 == 0 ? "Grüße aus " : "Report for ") + folder + " #" + i, "UTF-8");
    m.setSentDate(Date.from(Instant.parse("2016-03-01T09:00:00Z").plus(i * 97L, ChronoUnit.DAYS)));
    m.setText("Message " + i + " in " + folder + ".\nZufall: " + random.nextLong() + "\n", "UTF-8");
    Flags flags = new Flags();
    if (i % 2 == 0) {
      flags.add(Flags.Flag.SEEN);
    }
    if (i % 5 == 0) {
      flags.add(Flags.Flag.FLAGGED);
    }
    if (i % 7 == 0) {
      flags.add(Flags.Flag.ANSWERED);
      flags.add("$Label1");
    }
    m.setFlags(flags, true);
    m.saveChanges();
    return m;
  }

  private MimeMessage attachment(Session session) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("scanner@old.example"));
    m.setRecipients(Message.RecipientType.TO, user);
    m.setSubject("Scan with a 3 MB attachment");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("The scan is attached.\n");
    byte[] data = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(data);
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(data, "application/pdf")));
    file.setFileName("scan.pdf");
    m.setContent(new MimeMultipart(text, file));
    m.setFlags(new Flags(Flags.Flag.SEEN), true);
    m.saveChanges();
    return m;
  }

  private MimeMessage withoutMessageId(Session session) throws MessagingException {
    MimeMessage m = new MimeMessage(session) {
      @Override
      protected void updateMessageID() {
        // deliberately none: old mail often has no Message-ID
      }
    };
    m.setFrom(new InternetAddress("legacy@old.example"));
    m.setSubject("A message without Message-ID");
    m.setText("Matched by content, not by Message-ID.\n");
    m.saveChanges();
    return m;
  }
}
