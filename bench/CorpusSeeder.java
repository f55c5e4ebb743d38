// Benchmark corpus seeder: run with `java bench/CorpusSeeder.java MODE ...` (single-file source).
//
//   corpus --maildir DIR --messages N [--seed S]
//       writes N messages straight into a Dovecot Maildir++ tree (the source user's Maildir),
//       over 12 folders, and prints "messages=N bytes=B folders=F" (B = sum of RFC822.SIZE,
//       i.e. with CRLF line ends as IMAP counts them). The caller chowns the tree to dovecot and
//       runs `doveadm force-resync` so Dovecot indexes it before the benchmark.
//   eml --out DIR --count N [--seed S]
//       writes N single messages as DIR/NNNN.eml (for `doveadm save`, the small delta).
//
// Why files and not IMAP APPEND: 20,000 APPENDs through Dovecot take minutes; Maildir files are
// written in seconds and Dovecot treats them exactly as delivered mail. What Dovecot reads from
// them: flags from the file name (":2," + D F R S and keyword letters a..z, which index the
// folder's dovecot-keywords file), INTERNALDATE from the file's mtime, RFC822.SIZE from ",W=".
// Everything is drawn from one seeded java.util.SplittableRandom: the same seed, the same corpus.
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

public class CorpusSeeder {
  /** Maildir++ directory ("" = INBOX) and its share of the corpus in percent. */
  record Folder(String dir, int percent) {}

  static final List<Folder> FOLDERS = List.of(
      new Folder("", 36), new Folder(".Sent", 15), new Folder(".Drafts", 1),
      new Folder(".Trash", 4), new Folder(".Archive", 5), new Folder(".Archive.2019", 8),
      new Folder(".Archive.2020", 8), new Folder(".Archive.2021", 8),
      new Folder(".Projects", 4), new Folder(".Projects.Alpha", 6),
      // "Zürich" in modified UTF-7 (RFC 3501 5.1.3): a non-ASCII nested folder.
      new Folder(".Projects.Z&APw-rich", 3), new Folder(".Lists", 2));

  static final List<String> KEYWORDS = List.of("$Forwarded", "$Label1", "$Label2", "Work",
      "NonJunk", "$MDNSent");

  static final String[] WORDS = ("the of and to in is that for it as was with be by on not he "
      + "this are or his from at which but have an they you were her she there one all we "
      + "their been has when who will more no if out so said what up its about into than them "
      + "can only other new some could time these two may then do first any my now such like "
      + "our over man me even most made after also did many before must through back years "
      + "where much your way well down should because each just those people how too little "
      + "state good very make world still own see men work long get here between both life "
      + "being under never day same another know while last might us great old year off come "
      + "since against go came right used take three migration mailbox server folder invoice "
      + "meeting project budget report schedule quarterly review attached please thanks").split(" ");

  static final DateTimeFormatter RFC5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
    switch (args.length == 0 ? "" : args[0]) {
      case "corpus" -> corpus(Path.of(need(opt, "maildir")),
          Integer.parseInt(need(opt, "messages")), seed);
      case "eml" -> eml(Path.of(need(opt, "out")), Integer.parseInt(need(opt, "count")), seed);
      default -> {
        System.err.println("usage: CorpusSeeder corpus --maildir DIR --messages N [--seed S]"
            + " | eml --out DIR --count N [--seed S]");
        System.exit(2);
      }
    }
  }

  static void corpus(Path maildir, int messages, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = split(messages);
    long bytes = 0;
    long start = Instant.parse("2016-01-01T00:00:00Z").getEpochSecond();
    long end = Instant.parse("2025-12-31T00:00:00Z").getEpochSecond();
    for (int f = 0; f < FOLDERS.size(); f++) {
      Folder folder = FOLDERS.get(f);
      Path dir = maildir.resolve(folder.dir().isEmpty() ? "." : folder.dir()).normalize();
      for (String sub : List.of("cur", "new", "tmp")) {
        Files.createDirectories(dir.resolve(sub));
      }
      if (!folder.dir().isEmpty()) {
        Files.writeString(dir.resolve("maildirfolder"), "");
      }
      StringBuilder kw = new StringBuilder();
      for (int k = 0; k < KEYWORDS.size(); k++) {
        kw.append(k).append(' ').append(KEYWORDS.get(k)).append('\n');
      }
      Files.writeString(dir.resolve("dovecot-keywords"), kw);
      // INTERNALDATEs grow with the position in the folder, with jitter: mail arrives over years.
      long step = (end - start) / Math.max(1, counts[f]);
      for (int i = 0; i < counts[f]; i++) {
        long when = start + i * step + random.nextLong(Math.max(1, step));
        byte[] body = message(random, seed, f, i, when);
        int lines = 0;
        for (byte b : body) {
          if (b == '\n') {
            lines++;
          }
        }
        long vsize = body.length + lines; // CRLF on the wire
        bytes += vsize;
        String name = when + ".M" + i + "P" + f + "Q" + seed + ".bench,S=" + body.length
            + ",W=" + vsize + ":2," + flags(random, folder);
        Path file = dir.resolve("cur").resolve(name);
        Files.write(file, body);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(when)));
      }
    }
    System.out.println("messages=" + messages + " bytes=" + bytes + " folders=" + FOLDERS.size());
  }

  static void eml(Path out, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Files.createDirectories(out);
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < count; i++) {
      byte[] body = message(random, seed, 99, i, now - (count - i) * 60L);
      Files.write(out.resolve(String.format("%04d.eml", i)), body);
    }
  }

  /** Per-folder counts that sum to {@code messages}; INBOX takes the rounding remainder. */
  static int[] split(int messages) {
    int[] counts = new int[FOLDERS.size()];
    int sum = 0;
    for (int f = 1; f < FOLDERS.size(); f++) {
      counts[f] = messages * FOLDERS.get(f).percent() / 100;
      sum += counts[f];
    }
    counts[0] = messages - sum;
    return counts;
  }

  /** Maildir info flags in ASCII order: system letters, then keyword letters. */
  static String flags(SplittableRandom r, Folder folder) {
    StringBuilder s = new StringBuilder();
    boolean drafts = folder.dir().equals(".Drafts");
    if (drafts) {
      s.append('D');
    }
    if (r.nextInt(100) < 4) {
      s.append('F');
    }
    if (r.nextInt(100) < 12) {
      s.append('R');
    }
    if (!drafts && r.nextInt(100) < 85) {
      s.append('S');
    }
    for (int k = 0; k < KEYWORDS.size(); k++) {
      if (r.nextInt(100) < 3) {
        s.append((char) ('a' + k));
      }
    }
    return s.toString();
  }

  /**
   * One RFC 5322 message with LF line ends (as Maildir stores them). Sizes: 94 % log-uniform
   * between 2 and 50 kB of text, 6 % multipart with a base64 attachment log-uniform between
   * 100 kB and 2 MB; the mean is about 50 kB.
   */
  static byte[] message(SplittableRandom r, long seed, int folder, int index, long when) {
    boolean attachment = r.nextInt(100) < 6;
    long target = attachment ? logUniform(r, 100_000, 2_000_000) : logUniform(r, 2_000, 50_000);
    String date = RFC5322.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(when),
        ZoneOffset.ofHours(r.nextInt(-8, 10))));
    String from = person(r);
    StringBuilder h = new StringBuilder(1024);
    h.append("Return-Path: <").append(from).append(">\n");
    h.append("Received: from mx").append(r.nextInt(1, 9)).append(".example.net (mx.example.net")
        .append(" [192.0.2.").append(r.nextInt(1, 254)).append("])\n\tby mail.example.org with ESMTPS id ")
        .append(Long.toHexString(r.nextLong())).append("\n\tfor <user@example.org>; ")
        .append(date).append('\n');
    h.append("Date: ").append(date).append('\n');
    h.append("From: ").append(from).append('\n');
    h.append("To: ").append(person(r)).append('\n');
    h.append("Subject: ").append(sentence(r, 3 + r.nextInt(8))).append('\n');
    // A few messages without Message-ID, as real mailboxes have them.
    if (r.nextInt(200) != 0) {
      h.append("Message-ID: <").append(seed).append('.').append(folder).append('.').append(index)
          .append('.').append(Long.toHexString(r.nextLong())).append("@bench.mailshift.example>\n");
    }
    h.append("MIME-Version: 1.0\n");
    StringBuilder b = new StringBuilder((int) Math.min(target + 4096, Integer.MAX_VALUE));
    if (!attachment) {
      h.append("Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n");
      text(r, b, target - h.length());
    } else {
      String boundary = "=_bench_" + Long.toHexString(r.nextLong());
      h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n\n");
      b.append("This is a multi-part message in MIME format.\n\n--").append(boundary).append('\n');
      b.append("Content-Type: text/plain; charset=us-ascii\n\n");
      text(r, b, 600 + r.nextInt(3000));
      b.append("\n--").append(boundary).append('\n');
      b.append("Content-Type: application/pdf; name=\"document-").append(index)
          .append(".pdf\"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment;"
              + " filename=\"document-").append(index).append(".pdf\"\n\n");
      byte[] raw = new byte[(int) (target * 3 / 4)];
      r.nextBytes(raw);
      String encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(raw);
      b.append(encoded).append("\n\n--").append(boundary).append("--\n");
    }
    return (h.toString() + b).getBytes(StandardCharsets.US_ASCII);
  }

  static void text(SplittableRandom r, StringBuilder b, long bytes) {
    long goal = b.length() + Math.max(bytes, 40);
    int col = 0;
    while (b.length() < goal) {
      String w = WORDS[r.nextInt(WORDS.length)];
      if (col + w.length() > 72) {
        b.append('\n');
        col = 0;
        if (r.nextInt(8) == 0) {
          b.append('\n');
        }
      } else if (col > 0) {
        b.append(' ');
        col++;
      }
      b.append(w);
      col += w.length();
    }
    b.append('\n');
  }

  static String sentence(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String person(SplittableRandom r) {
    String[] first = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi"};
    String[] last = {"Meier", "Smith", "Dubois", "Rossi", "Novak", "Berg", "Silva", "Kim"};
    String f = first[r.nextInt(first.length)];
    String l = last[r.nextInt(last.length)];
    return f + " " + l + " <" + f.toLowerCase(Locale.ROOT) + "." + l.toLowerCase(Locale.ROOT)
        + "@example.org>";
  }

  static long logUniform(SplittableRandom r, long min, long max) {
    return Math.round(Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min))));
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an --option, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  static String need(Map<String, String> opt, String name) {
    String v = opt.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }
}
