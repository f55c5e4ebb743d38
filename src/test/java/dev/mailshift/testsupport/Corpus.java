package dev.mailshift.testsupport;

import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.ServerInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic test mailbox with the hard cases of a migration, seeded through an {@link
 * ImapSession} (GreenMail or Dovecot alike). Folders are named logically, levels joined with '/'
 * ({@link #FOLDERS}); {@link #serverName} turns them into the server's names with its separator
 * and personal namespace prefix (e.g. "INBOX.Projekte.2024" on a Maildir++ Dovecot).
 *
 * <p>The hard cases: nested and non-ASCII folders (with '&', umlauts and an emoji); attachments;
 * one large message ({@code largeBytes}); messages without Message-ID; two different messages
 * sharing one Message-ID and size; three byte-identical duplicates in one folder (and two more
 * with different flags); a message flagged \Deleted but not expunged; keywords $Label1 and Work;
 * INTERNALDATEs from 2009 to 2024; malformed MIME (a boundary that never appears, an unclosed
 * multipart, raw 8-bit bytes in headers). Then {@code bulk} ordinary messages spread over all
 * folders with random flags, sizes and dates. The same seed gives the same bytes.
 *
 * <p>No INTERNALDATE falls in the hour 12:00-12:59 UTC: GreenMail 2.1.13 parses APPEND dates
 * with a 12-hour clock ("hh") and stores 12:34 as 00:34. GreenMail also re-encodes header bytes
 * that are not UTF-8, so the 8-bit header message is byte-exact only on real servers.
 */
public final class Corpus {
  public static final String INBOX = "INBOX";
  public static final String DRAFTS = "Entwürfe";
  public static final String PROJECTS = "Projekte";
  public static final String PROJECTS_2024 = "Projekte/2024";
  public static final String FAIRY_TALES = "03_Märchen & Co";
  public static final String EMOJI = "📬 Post";
  public static final List<String> FOLDERS =
      List.of(INBOX, DRAFTS, PROJECTS, PROJECTS_2024, FAIRY_TALES, EMOJI);

  private static final List<String> FLAGS =
      List.of("\\Seen", "\\Answered", "\\Flagged", "\\Draft", "$Label1", "Work");
  private static final long FIRST_DATE = Instant.parse("2009-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_DATE = Instant.parse("2024-12-31T00:00:00Z").getEpochSecond();

  /** One message to seed: where, its exact bytes, flags and INTERNALDATE. */
  public record Mail(String folder, byte[] bytes, Set<String> flags, Instant internalDate) {
    public Mail {
      flags = Set.copyOf(flags);
    }

    @Override
    public String toString() {
      return "Mail[" + folder + ", " + bytes.length + " bytes, " + flags + ", " + internalDate
          + "]";
    }
  }

  private final Random random;
  private final List<Mail> mails = new ArrayList<>();

  private Corpus(long seed) {
    this.random = new Random(seed);
  }

  /**
   * @param bulk ordinary messages on top of the hard cases
   * @param largeBytes the size of the one large message (e.g. 3 MB on GreenMail, over 20 MB on
   *     Dovecot); 0 for none
   */
  public static Corpus generate(long seed, int bulk, int largeBytes) {
    Corpus c = new Corpus(seed);
    c.hardCases(largeBytes);
    for (int i = 0; i < bulk; i++) {
      c.add(FOLDERS.get(c.random.nextInt(FOLDERS.size())), c.ordinary(i), c.randomFlags(),
          c.randomDate());
    }
    return c;
  }

  public List<Mail> mails() {
    return List.copyOf(mails);
  }

  public int size() {
    return mails.size();
  }

  /** The messages per logical folder, in seeding order; every folder of {@link #FOLDERS}. */
  public Map<String, List<Mail>> byFolder() {
    Map<String, List<Mail>> out = new LinkedHashMap<>();
    FOLDERS.forEach(f -> out.put(f, new ArrayList<>()));
    mails.forEach(m -> out.get(m.folder()).add(m));
    return out;
  }

  /** The server's full name of a logical folder: its prefix and separator. */
  public static String serverName(String logical, ServerInfo info) {
    return serverName(logical, info.personalPrefix(), info.separator());
  }

  public static String serverName(String logical, String prefix, char separator) {
    return logical.equals(INBOX) ? INBOX : prefix + logical.replace('/', separator);
  }

  /**
   * Where mailshift puts a corpus folder on a destination that has SPECIAL-USE folders (plans
   * default to {@code special-use: auto}): "Entwürfe", German for Drafts, goes to its \Drafts
   * folder, here called "Drafts"; every other folder keeps its name.
   */
  public static String destinationName(String logical, String prefix, char separator) {
    return logical.equals(DRAFTS) ? prefix + "Drafts" : serverName(logical, prefix, separator);
  }

  /** Creates the folders (subscribing all but the emoji one) and appends every message. */
  public void seed(ImapSession session) {
    ServerInfo info = session.info();
    for (String folder : FOLDERS) {
      if (!folder.equals(INBOX)) {
        session.create(serverName(folder, info));
        if (!folder.equals(EMOJI)) {
          session.subscribe(serverName(folder, info));
        }
      }
    }
    for (Mail m : mails) {
      session.append(serverName(m.folder(), info), TestMessage.of(m.bytes()), m.flags(),
          m.internalDate());
    }
  }

  private void hardCases(int largeBytes) {
    Instant d = Instant.parse("2012-03-04T05:06:07Z");
    add(PROJECTS, TestMessage.withAttachment(150_000, 7).bytes(), Set.of("\\Seen", "Work"), d);
    add(FAIRY_TALES, TestMessage.withAttachment(400_000, 8).bytes(), Set.of("$Label1"),
        d.plusSeconds(86_400L * 400));
    if (largeBytes > 0) {
      add(PROJECTS_2024, TestMessage.withAttachment(largeBytes, 9).bytes(), Set.of("\\Seen"),
          Instant.parse("2024-06-01T13:00:00Z"));
    }
    add(INBOX, text("Subject: no message-id\r\nFrom: x@example.org\r\n", "first without id"),
        Set.of(), d);
    add(DRAFTS, text("Subject: draft without id\r\n", "second without id"), Set.of("\\Draft"), d);
    String shared = "Message-ID: <shared@corpus.example>\r\nSubject: same id\r\n";
    add(INBOX, text(shared, "version A of the shared id"), Set.of("\\Seen"), d);
    add(INBOX, text(shared, "version B of the shared id"), Set.of("\\Seen"), d);
    byte[] duplicate = text("Message-ID: <dup@corpus.example>\r\nSubject: dup\r\n", "twin");
    for (int i = 0; i < 3; i++) {
      add(INBOX, duplicate, Set.of("\\Seen", "$Label1"), d.plusSeconds(60));
    }
    byte[] twin = text("Message-ID: <twin@corpus.example>\r\nSubject: twin\r\n", "twin, flags differ");
    add(PROJECTS, twin, Set.of("\\Flagged"), d);
    add(PROJECTS, twin, Set.of("\\Seen", "Work"), d);
    add(INBOX, text("Message-ID: <deleted@corpus.example>\r\nSubject: deleted\r\n", "not expunged"),
        Set.of("\\Deleted", "\\Seen"), Instant.parse("2010-10-10T10:10:10Z"));
    add(FAIRY_TALES, brokenBoundary(), Set.of("\\Answered"), Instant.parse("2009-02-03T04:05:06Z"));
    add(EMOJI, eightBitHeaders(), Set.of("Work", "$Label1", "\\Seen"),
        Instant.parse("2023-11-30T23:59:59Z"));
  }

  private void add(String folder, byte[] bytes, Set<String> flags, Instant date) {
    mails.add(new Mail(folder, bytes, flags, date));
  }

  private static byte[] text(String headers, String body) {
    return ("From: corpus@example.org\r\nTo: user@example.org\r\nDate: Mon, 5 Mar 2012 "
        + "10:00:00 +0100\r\n" + headers + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Declares boundary "declared" but uses another, and never closes the multipart. */
  private static byte[] brokenBoundary() {
    return ("From: grimm@example.org\r\nSubject: broken boundary\r\nMessage-ID: <broken@corpus"
        + ".example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"declared\""
        + "\r\n\r\n--other\r\nContent-Type: text/plain\r\n\r\nEs war einmal\r\n--other\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "!!not base64!!\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Raw ISO-8859-1 and UTF-8 bytes in headers, no MIME encoding (RFC 5322 forbids it). */
  private static byte[] eightBitHeaders() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("From: J".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes("ürgen <j@example.org>\r\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes("Subject: Gr".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes("üße aus Köln\r\n".getBytes(StandardCharsets.ISO_8859_1));
    b.writeBytes(("Message-ID: <8bit@corpus.example>\r\nContent-Type: text/plain\r\n\r\n"
        + "body\r\n").getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private byte[] ordinary(int i) {
    if (random.nextInt(10) == 0) {
      return TestMessage.withAttachment(20_000 + random.nextInt(60_000), random.nextLong()).bytes();
    }
    StringBuilder body = new StringBuilder();
    int lines = 3 + random.nextInt(120);
    for (int l = 0; l < lines; l++) {
      body.append("line ").append(l).append(' ').append(Long.toHexString(random.nextLong()))
          .append("\r\n");
    }
    String id = random.nextInt(20) == 0 ? "" : "Message-ID: <bulk-" + i + "-"
        + Long.toHexString(random.nextLong()) + "@corpus.example>\r\n";
    return text(id + "Subject: bulk " + i + "\r\n", body.toString());
  }

  private Set<String> randomFlags() {
    Set<String> flags = new LinkedHashSet<>();
    for (String f : FLAGS) {
      if (random.nextInt(4) == 0) {
        flags.add(f);
      }
    }
    return flags;
  }

  private Instant randomDate() {
    Instant d = Instant.ofEpochSecond(FIRST_DATE
        + (long) (random.nextDouble() * (LAST_DATE - FIRST_DATE)));
    return d.atZone(ZoneOffset.UTC).getHour() == 12 ? d.plusSeconds(3600) : d;
  }
}
