package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.report.Json;
import dev.mailshift.report.PlanText;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import dev.mailshift.testsupport.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code servers.*.limits.messages-per-second} and {@code bytes-per-second} through a whole apply
 * against GreenMail, on virtual time: the waits asked of the injected sleeper are what the limits
 * need, no wall time is measured, and nothing sleeps for real.
 */
class RateLimitsGreenMailTest {
  @RegisterExtension
  static GreenMailExtension source = GreenMailServers.imapAndImaps();

  @RegisterExtension
  static GreenMailExtension destination = GreenMailServers.imapAndImaps();

  private static final Instant DATE = Instant.parse("2023-05-17T08:30:15Z");

  @TempDir Path dir;
  private final VirtualTime time = new VirtualTime(Instant.parse("2030-01-01T00:00:00Z"));

  private Mailshift mailshift() {
    return new Mailshift(new Environment(
        Map.of("PW", GreenMailServers.PASSWORD), label -> Optional.empty(),
        new JakartaImapConnector(dir), time.clock(), time.sleeper()));
  }

  private static ImapSession session(GreenMailExtension server, String user) {
    return new JakartaImapConnector().connect(GreenMailServers.plain(server),
        user.equals("alice") ? GreenMailServers.alice() : GreenMailServers.bob(),
        Access.READ_WRITE);
  }

  private Path plan(String servers, String account) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: rate-limits
        servers:
        %s
        accounts:
          defaults: { source-password: "env:PW", destination-password: "env:PW" }
          list:
            - %s
        """.formatted(servers.indent(2).stripTrailing(), account));
    return file;
  }

  private ApplyResult apply(Path plan) {
    return mailshift().apply(plan, Optional.empty(), Optional.empty(), false, ApplyListener.NONE);
  }

  @Test
  void apply_messagesPerSecondOnTheDestination_asksTheSleeperForTheWholeWait() throws Exception {
    // given: 25 messages, and a destination that takes 5 messages per second
    try (ImapSession s = session(source, "alice")) {
      for (int i = 0; i < 25; i++) {
        s.append("INBOX", TestMessage.simple("m" + i, "<m" + i + "@x>"), Set.of(), DATE);
      }
    }
    Path plan = plan("""
        old: { imap: "imap://127.0.0.1:%d", plaintext: true }
        new: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { messages-per-second: 5 } }
        """.formatted(source.getImap().getPort(), destination.getImap().getPort()),
        "{ source: alice, source-server: old, destination-server: new }");

    // when
    ApplyResult result = apply(plan);

    // then: all copied; the first second's 5 messages went at once, the other 20 took 4 s
    assertThat(result.failures()).isEmpty();
    assertThat(result.copied()).isEqualTo(25);
    try (ImapSession s = session(destination, "alice")) {
      assertThat(s.status("INBOX").messages()).isEqualTo(25);
    }
    assertThat(time.waited()).isBetween(Duration.ofSeconds(4), Duration.ofMillis(4010));
    assertThat(time.waits()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(200)));
  }

  @Test
  void apply_bytesPerSecondOnAServerThatIsSourceAndDestination_countsBothDirections()
      throws Exception {
    // given: alice's mail moves to bob on the same server, limited to 100 kB/s
    long total = 0;
    try (ImapSession s = session(source, "alice")) {
      for (int i = 0; i < 3; i++) {
        TestMessage m = TestMessage.withAttachment(200_000, i);
        s.append("INBOX", m, Set.of(), DATE);
        total += m.size();
      }
    }
    Path plan = plan("""
        host: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { bytes-per-second: 100000 } }
        """.formatted(source.getImap().getPort()),
        "{ source: alice, destination: bob, source-server: host, destination-server: host }");

    // when
    ApplyResult result = apply(plan);

    // then: every byte was read from the server and written back to it: twice the mail, of
    // which the first 100 kB went at once
    assertThat(result.failures()).isEmpty();
    assertThat(result.bytesCopied()).isEqualTo(total);
    Duration expected = Duration.ofNanos((2 * total - 100_000) * 10_000);
    assertThat(time.waited()).isBetween(expected, expected.plusMillis(10));
    // paced chunk by chunk: no wait for more than one second's worth
    assertThat(time.waits()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void plan_withRateLimits_namesThemOnceForTheServersItUses() throws Exception {
    // given: limits on both servers, and on a third the phase does not use
    Path plan = plan("""
        old: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { bytes-per-second: 20MB } }
        new: { imap: "imap://127.0.0.1:%d", plaintext: true, limits: { bytes-per-second: 1MB, messages-per-second: 200 } }
        spare: { imap: "imap://127.0.0.1:1", plaintext: true, limits: { messages-per-second: 9 } }
        """.formatted(source.getImap().getPort(), destination.getImap().getPort()),
        "{ source: alice, source-server: old, destination-server: new }");

    // when
    PlanResult result = mailshift().plan(plan, Optional.empty());

    // then
    assertThat(PlanText.render(result).lines().filter(l -> l.startsWith("rate limits")))
        .containsExactly("rate limits, for all accounts together: old 20.0 MB/s;"
            + " new 1.0 MB/s, 200 messages/s");
    assertThat(Json.plan(result).replaceAll("\\s", "")).contains("\"rateLimits\":[{\"server\":\"old\","
        + "\"bytesPerSecond\":20000000,\"messagesPerSecond\":0}");
  }

  @Test
  void apply_withoutLimits_neverAsksTheSleeper() throws Exception {
    // given
    try (ImapSession s = session(source, "alice")) {
      s.append("INBOX", TestMessage.withAttachment(300_000, 1), Set.of(), DATE);
      s.append("INBOX", TestMessage.simple("m", "<m@x>"), Set.of(), DATE);
    }
    Path plan = plan("""
        old: { imap: "imap://127.0.0.1:%d", plaintext: true }
        new: { imap: "imap://127.0.0.1:%d", plaintext: true }
        """.formatted(source.getImap().getPort(), destination.getImap().getPort()),
        "{ source: alice, source-server: old, destination-server: new }");

    // when
    ApplyResult result = apply(plan);

    // then
    assertThat(result.copied()).isEqualTo(2);
    assertThat(time.waits()).isEmpty();
  }
}
