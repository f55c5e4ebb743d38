package dev.mailshift.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An expect/reply IMAP server on 127.0.0.1 for protocol edge cases: each command (without its
 * tag) is matched against the scripted regular expressions in order, and the first match's
 * answer is sent with {@code TAG} replaced by the command's tag. CAPABILITY, LOGIN and LOGOUT
 * answer themselves. A command no rule matches is answered BAD and kept in {@link
 * #unexpected()}: tests assert it is empty. One connection at a time.
 */
public final class ScriptedImapServer implements AutoCloseable {
  private final String capabilities;
  private final Map<Pattern, String> rules = new LinkedHashMap<>();
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket socket;

  public ScriptedImapServer(String capabilities) throws IOException {
    this.capabilities = capabilities;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "scripted-imap");
    t.setDaemon(true);
    t.start();
  }

  /** Answers commands matching {@code regex} with {@code answer} (CRLF-separated lines). */
  public synchronized ScriptedImapServer on(String regex, String answer) {
    rules.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), answer);
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<String> commands() {
    return List.copyOf(commands);
  }

  public List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        serve(s);
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  private void serve(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    send(out, "* OK scripted server ready\r\n");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      int space = line.indexOf(' ');
      String tag = line.substring(0, space);
      String command = line.substring(space + 1);
      commands.add(command);
      String upper = command.toUpperCase(java.util.Locale.ROOT);
      if (upper.equals("CAPABILITY")) {
        send(out, "* CAPABILITY " + capabilities + "\r\n" + tag + " OK done\r\n");
      } else if (upper.startsWith("LOGIN ")) {
        send(out, tag + " OK logged in\r\n");
      } else if (upper.equals("LOGOUT")) {
        send(out, "* BYE bye\r\n" + tag + " OK done\r\n");
        return;
      } else {
        send(out, answer(command).replace("TAG", tag));
      }
    }
  }

  private synchronized String answer(String command) {
    for (Map.Entry<Pattern, String> r : rules.entrySet()) {
      if (r.getKey().matcher(command).matches()) {
        String a = r.getValue();
        return a.endsWith("\r\n") ? a : a + "\r\n";
      }
    }
    unexpected.add(command);
    return "TAG BAD unexpected command\r\n";
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
