package dev.mailshift.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest mail server the MX check can talk to: a real socket on 127.0.0.1 (a free port)
 * that greets each connection with the given lines, answers QUIT with 221 and hangs up. Without a
 * greeting it takes the connection and says nothing (a silent server). It records every line a
 * client sends, so a test can see the check ended the session politely.
 */
public final class SmtpGreeter implements AutoCloseable {
  private final ServerSocket server;
  private final Optional<String> greeting;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private SmtpGreeter(Optional<String> greeting) throws IOException {
    this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.greeting = greeting;
    this.acceptor = Thread.ofPlatform().daemon().name("smtp-greeter-" + server.getLocalPort())
        .start(this::acceptLoop);
  }

  /** Greets with {@code greeting}: one or more reply lines, e.g. {@code 220 mx1.acme.test}. */
  public static SmtpGreeter greeting(String... lines) {
    try {
      return new SmtpGreeter(Optional.of(String.join("\r\n", lines) + "\r\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes connections and never greets. */
  public static SmtpGreeter silent() {
    try {
      return new SmtpGreeter(Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * How many connections were taken. A client that waits for the greeting was counted before it
   * got one.
   */
  public int connections() {
    return connections.get();
  }

  /** Every line clients sent, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        open.add(client);
        Thread.ofPlatform().daemon().start(() -> serve(client));
      } catch (IOException closed) {
        return; // close() closed the server socket
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      OutputStream out = client.getOutputStream();
      if (greeting.isEmpty()) {
        client.getInputStream().read(); // until the client gives up and closes
        return;
      }
      out.write(greeting.get().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        received.add(line);
        if (line.equalsIgnoreCase("QUIT")) {
          out.write("221 2.0.0 bye\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          return;
        }
        out.write("502 5.5.1 not here\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client hung up: nothing to serve
    } finally {
      open.remove(client);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
