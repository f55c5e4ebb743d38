package dev.mailshift.testsupport;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a mailbox holds, read with {@link RawImap} (which shares no code with mailshift) and put in
 * a form two servers can be compared by: per logical folder, the sorted multiset of message
 * fingerprints (SHA-256 and length of the exact bytes, flags without \Recent, INTERNALDATE as an
 * instant, so two servers in different time zones still compare equal). UIDs are left out.
 */
public final class FolderContents {
  private static final DateTimeFormatter INTERNALDATE =
      DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);

  private FolderContents() {}

  /**
   * @param serverName the server's full name of each logical folder
   */
  public static Map<String, List<String>> read(RawImap imap, List<String> logicalFolders,
      Function<String, String> serverName) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String logical : logicalFolders) {
      List<String> prints = new ArrayList<>();
      for (RawImap.Stored s : imap.examineAll(MailboxName.encode(serverName.apply(logical)))) {
        prints.add(fingerprint(s));
      }
      prints.sort(null);
      out.put(logical, prints);
    }
    return out;
  }

  public static String fingerprint(RawImap.Stored s) {
    return RawImap.sha256(s.body()) + " " + s.body().length + " " + new TreeSet<>(s.flags()) + " "
        + instant(s.internalDate());
  }

  public static Instant instant(String internalDate) {
    return ZonedDateTime.parse(internalDate.trim(), INTERNALDATE).toInstant();
  }

  /** The fingerprints a corpus should produce, per logical folder. */
  public static Map<String, List<String>> expected(Corpus corpus) {
    Map<String, List<String>> out = new TreeMap<>();
    corpus.byFolder().forEach((folder, mails) -> out.put(folder, mails.stream()
        .map(m -> RawImap.sha256(m.bytes()) + " " + m.bytes().length + " "
            + new TreeSet<>(m.flags()) + " " + m.internalDate())
        .sorted().toList()));
    return out;
  }

  /** How many messages in all. */
  public static int count(Map<String, List<String>> contents) {
    return contents.values().stream().mapToInt(List::size).sum();
  }
}
