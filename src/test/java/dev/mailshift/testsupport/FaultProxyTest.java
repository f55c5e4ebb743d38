package dev.mailshift.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy itself, driven by a raw IMAP client in front of GreenMail. */
class FaultProxyTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  /** A line-oriented raw IMAP client. */
  private record Raw(Socket socket, BufferedReader in, OutputStream out) implements AutoCloseable {
    static Raw open(int port) throws IOException {
      Socket s = new Socket("127.0.0.1", port);
      s.setSoTimeout(10_000);
      Raw raw = new Raw(s, new BufferedReader(new InputStreamReader(s.getInputStream(),
          StandardCharsets.ISO_8859_1)), s.getOutputStream());
      raw.in.readLine(); // greeting
      return raw;
    }

    /** Sends and returns the tagged answer line. */
    String command(String tag, String rest) throws IOException {
      send(tag + " " + rest + "\r\n");
      return untilTagged(tag);
    }

    void send(String bytes) throws IOException {
      out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    String untilTagged(String tag) throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(tag + " ")) {
          return line;
        }
      }
      return "<closed>";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void answerNoOn_secondOccurrence_firesOnlyThen() throws Exception {
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", server.getImap().getPort())
            .answerNoOn("NOOP", 2, "[LIMIT] slow down");
        Raw raw = Raw.open(proxy.port())) {
      assertThat(raw.command("a1", "NOOP")).startsWith("a1 OK");
      assertThat(proxy.triggered()).isFalse();

      assertThat(raw.command("a2", "NOOP")).isEqualTo("a2 NO [LIMIT] slow down");
      assertThat(raw.command("a3", "NOOP")).startsWith("a3 OK");
      assertThat(proxy.triggered()).isTrue();
    }
  }

  @Test
  void rules_textInsideAnAppendLiteral_isNotTakenForACommand() throws Exception {
    // given: a message whose body holds a line that looks like a NOOP command
    String body = "Subject: tricky\r\n\r\nx1 NOOP\r\n";
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", server.getImap().getPort())
            .answerNoOn("NOOP", 1, "matched");
        Raw raw = Raw.open(proxy.port())) {
      assertThat(raw.command("a1", "LOGIN alice secret")).startsWith("a1 OK");

      // when
      String answer = raw.command("a2", "APPEND INBOX {" + body.length() + "+}\r\n" + body);

      // then
      assertThat(answer).startsWith("a2 OK");
      assertThat(proxy.triggered()).isFalse();
      assertThat(raw.command("a3", "NOOP")).isEqualTo("a3 NO matched");
    }
  }

  @Test
  void byeOn_command_sendsByeAndCloses() throws Exception {
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", server.getImap().getPort())
            .byeOn("CAPABILITY", 1);
        Raw raw = Raw.open(proxy.port())) {
      raw.send("a1 CAPABILITY\r\n");

      assertThat(raw.in().readLine()).startsWith("* BYE");
      assertThat(raw.in().readLine()).isNull();
    }
  }
}
