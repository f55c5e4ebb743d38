package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.apply.ApplyListener;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.state.StepStatus;
import dev.mailshift.testsupport.FaultProxy;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import dev.mailshift.testsupport.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code limits.retries} covers every IMAP step of a run, not only folder syncs: observing an
 * account (LOGIN, LIST), creating folders and the validate step survive a dropped connection or
 * a BYE in the same run, on a new connection after a backoff wait on the injected sleeper; a
 * refused login is never retried (TLS and other permanent failures: {@code RetriesTest}). Faults
 * come from a {@link FaultProxy} in front of the destination GreenMail; nothing sleeps for real.
 */
class StepRetriesGreenMailTest {
  private static final Instant DATE = Instant.parse("2022-02-03T04:05:06Z");

  @RegisterExtension
  static GreenMailExtension source = GreenMailServers.imapAndImaps();

  @RegisterExtension
  static GreenMailExtension destination = GreenMailServers.imapAndImaps();

  @TempDir Path dir;
  private final VirtualTime time = new VirtualTime(Instant.parse("2030-01-01T00:00:00Z"));

  @BeforeEach
  void seed() {
    try (ImapSession s = session(source)) {
      s.create("Projects");
      s.append("INBOX", TestMessage.simple("in", "<in@x>"), Set.of("\\Seen"), DATE);
      s.append("Projects", TestMessage.simple("p", "<p@x>"), Set.of(), DATE);
    }
  }

  private static ImapSession session(GreenMailExtension server) {
    return new JakartaImapConnector().connect(GreenMailServers.plain(server),
        GreenMailServers.alice(), Access.READ_WRITE);
  }

  private Mailshift mailshift(String destinationPassword) {
    return new Mailshift(new Environment(
        Map.of("PW", GreenMailServers.PASSWORD, "DST_PW", destinationPassword),
        label -> Optional.empty(), new JakartaImapConnector(dir), time.clock(), time.sleeper()));
  }

  private Path plan(String destinationServer) throws Exception {
    return plan(destinationServer, "");
  }

  /** @param sourceLimits e.g. ", limits: { retries: 0 }" */
  private Path plan(String destinationServer, String sourceLimits) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: step-retries
        servers:
          old: { imap: "imap://127.0.0.1:%d", plaintext: true%s }
          new: %s
        accounts:
          defaults: { source-server: old, destination-server: new, source-password: "env:PW", destination-password: "env:DST_PW" }
          list:
            - { source: alice }
        phases:
          - { name: copy, steps: [preflight, sync] }
          - { name: check, steps: [validate] }
        """.formatted(source.getImap().getPort(), sourceLimits, destinationServer));
    return file;
  }

  private static String through(FaultProxy proxy, String limits) {
    return "{ imap: \"imap://127.0.0.1:" + proxy.port() + "\", plaintext: true" + limits + " }";
  }

  private ApplyResult apply(Path plan, String phase) {
    return mailshift(GreenMailServers.PASSWORD).apply(plan, Optional.of(phase), Optional.empty(),
        false, ApplyListener.NONE);
  }

  private static long count(FaultProxy proxy, String command) {
    return proxy.commands().stream().filter(c -> c.split(" ")[0].equals(command)).count();
  }

  private static List<String> destinationFolderMessages(String folder) {
    try (ImapSession d = session(destination)) {
      List<String> out = new java.util.ArrayList<>();
      d.examine(folder);
      d.fetchMeta(1, Long.MAX_VALUE, m -> out.add(m.messageId().orElse("?")));
      return out;
    }
  }

  @Test
  void apply_connectionClosedWithByeAtCreate_createRetriedOnANewConnectionInTheSameRun()
      throws Exception {
    // given: the first CREATE is answered with BYE and the connection closed
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.byeOn("CREATE", 1);
      Path plan = plan(through(proxy, ""));

      // when
      ApplyResult result = apply(plan, "copy");

      // then: CREATE went out twice, after one backoff wait on the injected sleeper
      assertThat(proxy.triggered()).isTrue();
      assertThat(result.failures()).isEmpty();
      assertThat(count(proxy, "CREATE")).isEqualTo(2);
      assertThat(destinationFolderMessages("Projects")).containsExactly("<p@x>");
      assertThat(time.waits()).singleElement()
          .satisfies(w -> assertThat(w).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
    }
  }

  @Test
  void apply_connectionCutAfterCreateReachedTheServer_runEndsWithEverythingCopied()
      throws Exception {
    // given: the CREATE reaches the server, then both sides are cut; whether its answer got
    // through first is a race, so the retry is either the CREATE's (finding the folder there) or
    // the next step's on the dead session
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.dropDuringCommand("CREATE", 1, 0);
      Path plan = plan(through(proxy, ""));

      // when
      ApplyResult result = apply(plan, "copy");

      // then
      assertThat(proxy.triggered()).isTrue();
      assertThat(result.failures()).isEmpty();
      assertThat(destinationFolderMessages("Projects")).containsExactly("<p@x>");
      assertThat(destinationFolderMessages("INBOX")).containsExactly("<in@x>");
      assertThat(time.waits()).hasSize(1);
    }
  }

  @Test
  void apply_byeAtCreateWithoutRetries_failsTheStep() throws Exception {
    // given: limits.retries 0 on both servers
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.byeOn("CREATE", 1);
      Path plan = plan(through(proxy, ", limits: { retries: 0 }"), ", limits: { retries: 0 }");

      // when
      ApplyResult result = apply(plan, "copy");

      // then
      assertThat(result.failures()).singleElement().satisfies(f -> {
        assertThat(f.change().id()).isEqualTo("create:alice:Projects");
        assertThat(f.detail()).contains("connection dropped");
      });
      assertThat(count(proxy, "CREATE")).isEqualTo(1);
      assertThat(time.waits()).isEmpty();
    }
  }

  @Test
  void apply_connectionDroppedDuringTheValidateStepsExamine_retriedAndTheCheckPasses()
      throws Exception {
    // given: everything copied; the validate phase's first EXAMINE on the destination is cut
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      Path plan = plan(through(proxy, ""));
      assertThat(apply(plan, "copy").failures()).isEmpty();
      proxy.dropDuringCommand("EXAMINE", 1, 0);
      proxy.clearCommands();

      // when
      ApplyResult result = apply(plan, "check");

      // then
      assertThat(proxy.triggered()).isTrue();
      assertThat(result.failures()).isEmpty();
      assertThat(result.count(StepStatus.SUCCEEDED)).isEqualTo(1);
      assertThat(result.checks()).hasSize(2).noneMatch(c -> c.shortfall());
      assertThat(count(proxy, "EXAMINE")).isGreaterThan(2);
      assertThat(time.waits()).hasSize(1);
    }
  }

  @Test
  void apply_connectionDroppedDuringListWhileObserving_retriedAndTheRunCopiesEverything()
      throws Exception {
    // given
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.dropDuringCommand("LIST", 1, 0);
      Path plan = plan(through(proxy, ""));

      // when
      ApplyResult result = apply(plan, "copy");

      // then
      assertThat(proxy.triggered()).isTrue();
      assertThat(result.failures()).isEmpty();
      assertThat(result.copied()).isEqualTo(2);
      assertThat(count(proxy, "LIST")).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void apply_byeAnsweringLogin_retriedOnANewConnection() throws Exception {
    // given
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      proxy.byeOn("LOGIN", 1);
      Path plan = plan(through(proxy, ""));

      // when
      ApplyResult result = apply(plan, "copy");

      // then
      assertThat(proxy.triggered()).isTrue();
      assertThat(result.failures()).isEmpty();
      assertThat(result.copied()).isEqualTo(2);
      assertThat(count(proxy, "LOGIN")).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void apply_wrongDestinationPassword_loginTriedOnceAndTheRunStopsBeforeChanges()
      throws Exception {
    // given: retries allowed, but a refused login is not a transient failure
    try (FaultProxy proxy = FaultProxy.to("127.0.0.1", destination.getImap().getPort())) {
      Path plan = plan(through(proxy, ", limits: { retries: 5 }"));

      // when
      MailshiftException e = catchThrowableOfType(MailshiftException.class,
          () -> mailshift("wrong-password").apply(plan, Optional.of("copy"), Optional.empty(),
              false, ApplyListener.NONE));

      // then
      assertThat(e.code()).isEqualTo(ErrorCode.CANNOT_OBSERVE);
      assertThat(e.getMessage()).contains("login refused").doesNotContain("wrong-password");
      assertThat(count(proxy, "LOGIN") + count(proxy, "AUTHENTICATE")).isEqualTo(1);
      assertThat(proxy.connections()).isEqualTo(1);
      assertThat(time.waits()).isEmpty();
    }
  }
}
