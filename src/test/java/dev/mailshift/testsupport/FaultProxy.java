package dev.mailshift.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scriptable TCP proxy between an IMAP client and a server, for fault injection. Listens on
 * 127.0.0.1:0 and forwards every connection to the target, byte for byte, following IMAP literals
 * in both directions so that rules see command lines, not message content. Each rule fires once:
 *
 * <ul>
 *   <li>{@link #dropDuringCommand}: forward the Nth matching command line and K more bytes (e.g.
 *       part of an APPEND literal), then cut both sides;
 *   <li>{@link #dropDuringServerLiteral}: forward K bytes of the first server literal of at least
 *       a size (a FETCH body), then cut;
 *   <li>{@link #byeOn}: answer the Nth matching command with {@code * BYE} and cut;
 *   <li>{@link #stallOn}: swallow the Nth matching command and everything after it, answering
 *       nothing, so the client's read timeout fires;
 *   <li>{@link #answerNoOn}: answer the Nth matching command with a tagged NO, not forwarding it;
 *   <li>{@link #rewriteServerLine}: change the first server line matching a pattern (e.g. to
 *       send an answer a real server sends only under a race).
 * </ul>
 *
 * A command "matches" a word when its name, or the word after {@code UID}, is that word. No
 * sleeps: tests wait on {@link #awaitTriggered}. Close it in the test.
 *
 * <p>Without rules it is a recorder: {@link #commands()} lists every command line clients sent
 * (tags and literal contents left out, LOGIN's arguments masked), e.g. to count round trips.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)(\\+?)}\r\n$");

  private enum Action { DROP_AFTER, BYE, STALL, ANSWER_NO }

  private record Rule(Action action, String word, int nth, long bytes, String text,
      AtomicInteger seen) {}

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch triggered = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile Pattern rewrite;
  private volatile String rewriteTo;
  private volatile int literalMinSize = -1;
  private volatile long literalBytes;

  private FaultProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fault-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  public static FaultProxy to(String host, int port) throws IOException {
    return new FaultProxy(host, port);
  }

  public int port() {
    return listener.getLocalPort();
  }

  public int connections() {
    return connections.get();
  }

  public FaultProxy dropDuringCommand(String word, int nth, long bytesAfterLine) {
    rules.add(new Rule(Action.DROP_AFTER, word, nth, bytesAfterLine, "", new AtomicInteger()));
    return this;
  }

  public FaultProxy dropDuringServerLiteral(int minLiteralSize, long bytesIntoLiteral) {
    this.literalBytes = bytesIntoLiteral;
    this.literalMinSize = minLiteralSize;
    return this;
  }

  public FaultProxy byeOn(String word, int nth) {
    rules.add(new Rule(Action.BYE, word, nth, 0, "", new AtomicInteger()));
    return this;
  }

  public FaultProxy stallOn(String word, int nth) {
    rules.add(new Rule(Action.STALL, word, nth, 0, "", new AtomicInteger()));
    return this;
  }

  public FaultProxy answerNoOn(String word, int nth, String text) {
    rules.add(new Rule(Action.ANSWER_NO, word, nth, 0, text, new AtomicInteger()));
    return this;
  }

  /** Replaces {@code regex} by {@code replacement} in the first server line it is found in. */
  public FaultProxy rewriteServerLine(String regex, String replacement) {
    this.rewriteTo = replacement;
    this.rewrite = Pattern.compile(regex);
    return this;
  }

  /** Waits until a rule fired; false on timeout. */
  public boolean awaitTriggered(Duration timeout) throws InterruptedException {
    return triggered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean triggered() {
    return triggered.getCount() == 0;
  }

  /** The command lines sent through the proxy so far, in order, without tags. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** Forgets the recorded commands. */
  public void clearCommands() {
    commands.clear();
  }

  private void record(String line) {
    String[] parts = line.trim().split(" ", 3);
    if (parts.length < 2) {
      return;
    }
    String name = parts[1].toUpperCase(Locale.ROOT);
    commands.add(name.equals("LOGIN") || name.equals("AUTHENTICATE") || parts.length == 2
        ? name : name + " " + parts[2]);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(server);
        connections.incrementAndGet();
        start(() -> clientToServer(client, server), "fault-proxy-c2s");
        start(() -> serverToClient(server, client), "fault-proxy-s2c");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private void clientToServer(Socket client, Socket server) {
    try (InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(server.getOutputStream())) {
      boolean commandStart = true;
      while (true) {
        byte[] line = readLine(in);
        if (line == null) {
          break;
        }
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (commandStart) {
          record(text);
        }
        Rule rule = commandStart ? match(text) : null;
        if (rule != null) {
          if (act(rule, text, line, in, out, client)) {
            return;
          }
          continue; // answered here, not forwarded
        }
        out.write(line);
        out.flush();
        Matcher m = LITERAL.matcher(text);
        commandStart = !m.find();
        if (!commandStart) {
          copy(in, out, Long.parseLong(m.group(1)));
          out.flush();
        }
      }
    } catch (IOException e) {
      // a side closed: the other pump notices
    } finally {
      closeBoth(client, server);
    }
  }

  /** Carries out a rule; true when this pump is done. */
  private boolean act(Rule rule, String text, byte[] line, InputStream in, OutputStream out,
      Socket client) throws IOException {
    String tag = text.split(" ", 2)[0];
    OutputStream toClient = client.getOutputStream();
    switch (rule.action()) {
      case DROP_AFTER -> {
        out.write(line);
        copy(in, out, rule.bytes());
        out.flush();
        fire();
        return true;
      }
      case BYE -> {
        toClient.write("* BYE [UNAVAILABLE] injected by FaultProxy\r\n".getBytes(
            StandardCharsets.US_ASCII));
        toClient.flush();
        fire();
        return true;
      }
      case STALL -> {
        fire();
        while (in.read() >= 0) {
          // swallow everything until the client gives up and closes
        }
        return true;
      }
      case ANSWER_NO -> {
        Matcher m = LITERAL.matcher(text);
        if (m.find() && m.group(2).equals("+")) {
          skipLiteralAndRest(in, Long.parseLong(m.group(1)));
        }
        toClient.write((tag + " NO " + rule.text() + "\r\n").getBytes(StandardCharsets.UTF_8));
        toClient.flush();
        fire();
        return false;
      }
    }
    return false;
  }

  private void skipLiteralAndRest(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
    byte[] rest = readLine(in);
    Matcher m = rest == null ? null
        : LITERAL.matcher(new String(rest, StandardCharsets.ISO_8859_1));
    if (m != null && m.find()) {
      skipLiteralAndRest(in, Long.parseLong(m.group(1)));
    }
  }

  private void serverToClient(Socket server, Socket client) {
    try (InputStream in = new BufferedInputStream(server.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream())) {
      while (true) {
        byte[] line = rewritten(readLine(in));
        if (line == null) {
          break;
        }
        out.write(line);
        Matcher m = LITERAL.matcher(new String(line, StandardCharsets.ISO_8859_1));
        if (m.find()) {
          long size = Long.parseLong(m.group(1));
          if (literalMinSize >= 0 && size >= literalMinSize && !triggered()) {
            literalMinSize = -1;
            copy(in, out, Math.min(literalBytes, size));
            out.flush();
            fire();
            return;
          }
          copy(in, out, size);
        }
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } finally {
      closeBoth(server, client);
    }
  }

  private synchronized byte[] rewritten(byte[] line) {
    Pattern p = rewrite;
    if (line == null || p == null) {
      return line;
    }
    String text = new String(line, StandardCharsets.ISO_8859_1);
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return line;
    }
    rewrite = null;
    fire();
    return m.replaceFirst(rewriteTo).getBytes(StandardCharsets.ISO_8859_1);
  }

  private Rule match(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length < 2) {
      return null;
    }
    String word = parts[1].equalsIgnoreCase("UID") && parts.length > 2 ? parts[2] : parts[1];
    for (Rule r : rules) {
      if (r.word().equalsIgnoreCase(word.toUpperCase(Locale.ROOT))
          && r.seen().incrementAndGet() == r.nth()) {
        return r;
      }
    }
    return null;
  }

  private void fire() {
    triggered.countDown();
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int prev = -1;
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      if (prev == '\r' && c == '\n') {
        return b.toByteArray();
      }
      prev = c;
    }
    return b.size() == 0 ? null : b.toByteArray();
  }

  private static void copy(InputStream in, OutputStream out, long n) throws IOException {
    byte[] buf = new byte[16 * 1024];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new IOException("closed inside a literal");
      }
      out.write(buf, 0, r);
      left -= r;
    }
  }

  private static void closeBoth(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(FaultProxy::closeQuietly);
  }
}
