package dev.mailshift.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/**
 * A scripted, read-only Gmail IMAP server on 127.0.0.1 for tests: just enough IMAP4rev1 for a
 * migration source (CAPABILITY, LOGIN, NAMESPACE, LIST/XLIST/LSUB, STATUS, EXAMINE, UID FETCH
 * of metadata, bodies and flags, UID SEARCH of a UID range) plus X-GM-EXT-1's X-GM-MSGID and X-GM-LABELS, answered from a
 * model of label folders. Every command is recorded; anything else (SELECT, STORE, APPEND,
 * EXPUNGE, an unknown command) is answered NO/BAD and listed in {@link #unexpected()}, so a test
 * can assert the source was only read.
 *
 * <p>Unlike real Gmail it has no throttling, no OAuth, no CONDSTORE, and it keeps labels and
 * folders consistent only as the test builds them. It proves what mailshift sends and how it
 * reads the answers, not how Gmail behaves.
 */
public final class FakeGmailServer implements AutoCloseable {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern ITEM_PARTIAL = Pattern.compile("BODY\\.PEEK\\[]<(\\d+)\\.(\\d+)>");

  /** One Gmail message: the same id (X-GM-MSGID) in every folder that holds it. */
  public record Mail(long gmailId, byte[] bytes, Set<String> flags, Instant date,
      Set<String> labels) {}

  private record Folder(String name, List<String> attributes, long uidValidity,
      List<Mail> messages) {}

  private final Set<String> capabilities;
  private final String user;
  private final String password;
  private final boolean xlistOnly;
  private final Map<String, Folder> folders = new LinkedHashMap<>();
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket socket;
  private final Thread acceptor;

  /**
   * @param xlistOnly advertise XLIST instead of SPECIAL-USE (Gmail before RFC 6154); XLIST then
   *     names the inbox "Posteingang" and marks it \Inbox, as Gmail does for German accounts
   */
  public FakeGmailServer(String user, String password, boolean xlistOnly) throws IOException {
    this.user = user;
    this.password = password;
    this.xlistOnly = xlistOnly;
    this.capabilities = Set.of("IMAP4rev1", "UNSELECT", "IDLE", "NAMESPACE", "QUOTA",
        "CHILDREN", "X-GM-EXT-1", "UIDPLUS", xlistOnly ? "XLIST" : "SPECIAL-USE");
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fake-gmail");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Adds a folder; attributes as LIST with SPECIAL-USE would send them. */
  public synchronized void folder(String name, String... attributes) {
    folders.put(name, new Folder(name, List.of(attributes), 1000 + folders.size(),
        new ArrayList<>()));
  }

  /** Puts {@code mail} into each of {@code folderNames} (as Gmail shows one message per label). */
  public synchronized void deliver(Mail mail, String... folderNames) {
    for (String f : folderNames) {
      folders.get(f).messages().add(mail);
    }
  }

  public List<String> commands() {
    return List.copyOf(commands);
  }

  public List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread t = new Thread(() -> serve(s), "fake-gmail-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream()) {
      write(out, "* OK [CAPABILITY " + String.join(" ", capabilities) + "] Gimap ready\r\n");
      String selected = null;
      for (String line = readLine(in, out); line != null; line = readLine(in, out)) {
        commands.add(line);
        String[] parts = line.split(" ", 3);
        String tag = parts[0];
        String verb = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
        String rest = parts.length > 2 ? parts[2] : "";
        if (verb.equals("UID") && rest.regionMatches(true, 0, "FETCH ", 0, 6)) {
          fetch(out, tag, selected, rest.substring(6));
          continue;
        }
        if (verb.equals("UID") && rest.regionMatches(true, 0, "SEARCH ", 0, 7)) {
          search(out, tag, selected, rest.substring(7));
          continue;
        }
        switch (verb) {
          case "CAPABILITY" -> write(out, "* CAPABILITY " + String.join(" ", capabilities)
              + "\r\n" + tag + " OK Thats all she wrote!\r\n");
          case "LOGIN" -> write(out, rest.equals(user + " " + password)
              || rest.equals("\"" + user + "\" \"" + password + "\"")
              ? tag + " OK " + user + " authenticated (Success)\r\n"
              : tag + " NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n");
          case "NAMESPACE" -> write(out, "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n" + tag
              + " OK Success\r\n");
          case "LIST", "XLIST", "LSUB" -> list(out, tag, verb, rest);
          case "STATUS" -> status(out, tag, rest);
          case "EXAMINE" -> selected = examine(out, tag, rest);
          case "NOOP" -> write(out, tag + " OK Success\r\n");
          case "LOGOUT" -> {
            write(out, "* BYE LOGOUT Requested\r\n" + tag + " OK 73 good day (Success)\r\n");
            return;
          }
          default -> {
            unexpected.add(line);
            write(out, tag + " BAD Unknown command (Failure)\r\n");
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private synchronized void list(OutputStream out, String tag, String verb, String rest)
      throws IOException {
    StringBuilder b = new StringBuilder();
    if (rest.endsWith("\"\"")) {
      b.append("* LIST (\\Noselect) \"/\" \"\"\r\n"); // LIST "" "": the separator
    } else {
      for (Folder f : folders.values()) {
        String name = f.name();
        List<String> attrs = new ArrayList<>(f.attributes());
        if (verb.equals("XLIST")) {
          attrs.replaceAll(a -> Map.of("\\All", "\\AllMail", "\\Junk", "\\Spam",
              "\\Flagged", "\\Starred").getOrDefault(a, a));
          if (name.equals("INBOX")) {
            name = "Posteingang";
            attrs.add("\\Inbox");
          }
        } else if (verb.equals("LIST") && xlistOnly) {
          attrs.removeIf(a -> !a.equals("\\Noselect") && !a.startsWith("\\Has"));
        }
        b.append("* ").append(verb).append(" (").append(String.join(" ", attrs))
            .append(") \"/\" ").append(quote(BASE64MailboxEncoder.encode(name))).append("\r\n");
      }
    }
    write(out, b + tag + " OK Success\r\n");
  }

  private synchronized void status(OutputStream out, String tag, String rest) throws IOException {
    Folder f = folders.get(mailbox(rest));
    if (f == null) {
      write(out, tag + " NO [NONEXISTENT] Unknown Mailbox\r\n");
      return;
    }
    write(out, "* STATUS " + quote(BASE64MailboxEncoder.encode(f.name())) + " (MESSAGES "
        + f.messages().size() + " UIDNEXT " + (f.messages().size() + 1) + " UIDVALIDITY "
        + f.uidValidity() + ")\r\n" + tag + " OK Success\r\n");
  }

  private synchronized String examine(OutputStream out, String tag, String rest)
      throws IOException {
    Folder f = folders.get(mailbox(rest));
    if (f == null) {
      write(out, tag + " NO [NONEXISTENT] Unknown Mailbox\r\n");
      return null;
    }
    write(out, "* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen $Phishing)\r\n"
        + "* OK [PERMANENTFLAGS ()] Flags permitted.\r\n* OK [UIDVALIDITY " + f.uidValidity()
        + "] UIDs valid.\r\n* " + f.messages().size() + " EXISTS\r\n* 0 RECENT\r\n"
        + "* OK [UIDNEXT " + (f.messages().size() + 1) + "] Predicted next UID.\r\n"
        + tag + " OK [READ-ONLY] " + f.name() + " selected. (Success)\r\n");
    return f.name();
  }

  /** UID SEARCH [UID set] ALL, the only criteria it knows: the selected folder's UIDs in the set. */
  private synchronized void search(OutputStream out, String tag, String selected,
      String criteria) throws IOException {
    Folder f = selected == null ? null : folders.get(selected);
    java.util.regex.Matcher m = Pattern.compile("(?i)(?:UID (\\S+) )?ALL").matcher(criteria);
    if (f == null || !m.matches()) {
      unexpected.add("UID SEARCH " + criteria);
      write(out, tag + " BAD Could not parse command (Failure)\r\n");
      return;
    }
    StringBuilder b = new StringBuilder("* SEARCH");
    int max = f.messages().size();
    for (int uid = 1; uid <= max; uid++) {
      if (m.group(1) == null || inSet(uid, m.group(1), max)) {
        b.append(' ').append(uid);
      }
    }
    write(out, b + "\r\n" + tag + " OK SEARCH completed (Success)\r\n");
  }

  /** UID FETCH set (items): message i of a folder has UID and sequence number i + 1. */
  private synchronized void fetch(OutputStream out, String tag, String selected, String args)
      throws IOException {
    Folder f = selected == null ? null : folders.get(selected);
    if (f == null) {
      unexpected.add("FETCH without EXAMINE");
      write(out, tag + " BAD No mailbox selected\r\n");
      return;
    }
    int space = args.indexOf(' ');
    String set = args.substring(0, space);
    String items = args.substring(space + 1).toUpperCase(Locale.ROOT);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int max = f.messages().size();
    for (int uid = 1; uid <= max; uid++) {
      if (inSet(uid, set, max)) {
        b.write(fetchResponse(uid, f.messages().get(uid - 1), items));
      }
    }
    b.write((tag + " OK Success\r\n").getBytes(StandardCharsets.US_ASCII));
    write(out, b.toByteArray());
  }

  private static byte[] fetchResponse(int uid, Mail m, String items) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder("* " + uid + " FETCH (UID " + uid);
    if (items.contains("RFC822.SIZE")) {
      head.append(" RFC822.SIZE ").append(m.bytes().length);
    }
    if (items.contains("FLAGS")) {
      head.append(" FLAGS (").append(String.join(" ", m.flags())).append(')');
    }
    if (items.contains("INTERNALDATE")) {
      head.append(" INTERNALDATE \"").append(DATE.format(m.date())).append('"');
    }
    if (items.contains("X-GM-MSGID")) {
      head.append(" X-GM-MSGID ").append(m.gmailId());
    }
    if (items.contains("X-GM-LABELS")) {
      head.append(" X-GM-LABELS (").append(m.labels().stream()
          .map(l -> l.startsWith("\\") ? l : quote(BASE64MailboxEncoder.encode(l)))
          .reduce((x, y) -> x + " " + y).orElse("")).append(')');
    }
    b.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (items.contains("HEADER.FIELDS (MESSAGE-ID)")) {
      literal(b, " BODY[HEADER.FIELDS (MESSAGE-ID)] ", messageIdHeader(m.bytes()));
    }
    Matcher partial = ITEM_PARTIAL.matcher(items);
    if (partial.find()) {
      int from = Math.min(Integer.parseInt(partial.group(1)), m.bytes().length);
      int to = Math.min(from + Integer.parseInt(partial.group(2)), m.bytes().length);
      literal(b, " BODY[]<" + from + "> ", java.util.Arrays.copyOfRange(m.bytes(), from, to));
    } else if (items.contains("BODY.PEEK[]")) {
      literal(b, " BODY[] ", m.bytes());
    }
    b.write(")\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private static void literal(ByteArrayOutputStream b, String name, byte[] bytes)
      throws IOException {
    b.write((name + "{" + bytes.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
    b.write(bytes);
  }

  private static byte[] messageIdHeader(byte[] bytes) {
    for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        return (line + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    return "\r\n".getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A UID set: "1", "2:5", "3:*", "1,4:6"; "n:*" above the highest UID means the highest. */
  private static boolean inSet(int uid, String set, int max) {
    for (String part : set.split(",")) {
      String[] range = part.split(":");
      long a = range[0].equals("*") ? max : Long.parseLong(range[0]);
      long z = range.length == 1 ? a : range[1].equals("*") ? max : Long.parseLong(range[1]);
      if (uid >= Math.min(a, z) && uid <= Math.max(a, z)) {
        return true;
      }
    }
    return false;
  }

  /** The mailbox argument of a command, quoted or not, decoded from modified UTF-7. */
  private static String mailbox(String args) {
    String name;
    if (args.startsWith("\"")) {
      int end = 1;
      StringBuilder b = new StringBuilder();
      while (args.charAt(end) != '"') {
        if (args.charAt(end) == '\\') {
          end++;
        }
        b.append(args.charAt(end++));
      }
      name = b.toString();
    } else {
      int space = args.indexOf(' ');
      name = space < 0 ? args : args.substring(0, space);
    }
    return org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder.decode(name);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One command line; a literal {n} in it is read after sending a continuation. */
  private static String readLine(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      if (c == '\n') {
        String line = b.toString(StandardCharsets.UTF_8).replaceAll("\r$", "");
        Matcher lit = Pattern.compile("\\{(\\d+)\\+?}$").matcher(line);
        if (!lit.find()) {
          return line;
        }
        if (!line.endsWith("+}")) {
          write(out, "+ go ahead\r\n");
        }
        b.reset();
        b.write(line.substring(0, lit.start()).getBytes(StandardCharsets.UTF_8));
        b.write(quote(new String(in.readNBytes(Integer.parseInt(lit.group(1))),
            StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      b.write(c);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    write(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
