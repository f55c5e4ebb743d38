package dev.mailshift.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny IMAP client over a plain socket, independent of Jakarta Mail, so tests can
 * check what mailshift wrote with something other than the code under test: raw BODY[] bytes,
 * FLAGS and INTERNALDATE exactly as the server sends them.
 */
public final class RawImap implements AutoCloseable {
  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int tag;

  public RawImap(String host, int port, String user, String password) {
    try {
      socket = new Socket(host, port);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      readLine();
      command("LOGIN \"" + user + "\" \"" + password + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One message as the server holds it. */
  public record Stored(long uid, Set<String> flags, String internalDate, byte[] body) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Stored s && s.flags.equals(flags) && s.internalDate.equals(internalDate)
          && Arrays.equals(s.body, body);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(body) * 31 + flags.hashCode();
    }

    /** Content, flags and date, without the UID (which differs between servers). */
    public String fingerprint() {
      return new TreeSet<>(flags) + " " + internalDate + " " + sha256(body);
    }
  }

  /** Every message of a folder, opened with EXAMINE (read-only). */
  public List<Stored> examineAll(String folder) {
    List<Stored> out = new ArrayList<>();
    String examine = command("EXAMINE \"" + folder + "\"");
    if (examine.contains(" 0 EXISTS")) {
      return out;
    }
    for (byte[] response : responses("UID FETCH 1:* (UID FLAGS INTERNALDATE BODY.PEEK[])")) {
      out.add(parse(response));
    }
    return out;
  }

  /** Flags only (cheap), by UID. */
  public List<String> flagLines(String folder) {
    command("EXAMINE \"" + folder + "\"");
    return responses("UID FETCH 1:* (UID FLAGS)").stream()
        .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  public String command(String command) {
    List<byte[]> all = responses(command);
    StringBuilder b = new StringBuilder();
    all.forEach(r -> b.append(new String(r, StandardCharsets.UTF_8)).append('\n'));
    return b.toString();
  }

  private List<byte[]> responses(String command) {
    try {
      String t = "t" + (++tag);
      out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      List<byte[]> responses = new ArrayList<>();
      while (true) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        String line = readLine();
        while (true) {
          response.write(line.getBytes(StandardCharsets.UTF_8));
          Matcher m = LITERAL.matcher(line);
          if (!m.find()) {
            break;
          }
          response.write('\n');
          response.write(in.readNBytes(Integer.parseInt(m.group(1))));
          line = readLine();
        }
        if (line.startsWith(t + " ")) {
          if (!line.startsWith(t + " OK")) {
            throw new IllegalStateException(command + " -> " + line);
          }
          return responses;
        }
        responses.add(response.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stored parse(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    Matcher uid = Pattern.compile("UID (\\d+)").matcher(text);
    Matcher flags = Pattern.compile("FLAGS \\(([^)]*)\\)").matcher(text);
    Matcher date = Pattern.compile("INTERNALDATE \"([^\"]+)\"").matcher(text);
    Matcher body = Pattern.compile("BODY\\[] \\{(\\d+)}\n").matcher(text);
    if (!uid.find() || !flags.find() || !date.find() || !body.find()) {
      throw new IllegalStateException("unexpected FETCH response: " + text.substring(0, Math.min(200, text.length())));
    }
    int length = Integer.parseInt(body.group(1));
    byte[] bytes = Arrays.copyOfRange(response, body.end(), body.end() + length);
    Set<String> flagSet = new TreeSet<>();
    for (String f : flags.group(1).trim().split("\\s+")) {
      if (!f.isEmpty() && !f.equalsIgnoreCase("\\Recent")) {
        flagSet.add(f);
      }
    }
    return new Stored(Long.parseLong(uid.group(1)), flagSet, date.group(1), bytes);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c == -1 && b.size() == 0) {
      throw new IOException("connection closed by server");
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      command("LOGOUT");
    } catch (RuntimeException ignored) {
      // the server may close first
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
