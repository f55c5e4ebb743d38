package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.ImapSession.UidSize;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a session pays its {@link Throttle} for, against GreenMail: fetches are paid batch by batch
 * and chunk by chunk before they are asked for, appends buffer by buffer, and nothing is fetched
 * in a piece larger than the throttle's burst.
 */
class JakartaImapSessionThrottleTest {
  @RegisterExtension
  static GreenMailExtension server = GreenMailServers.imapAndImaps();

  private static final Instant DATE = Instant.parse("2023-05-17T08:30:15Z");
  private static final int BURST = 64 * 1024;

  private final List<ImapSession> open = new ArrayList<>();

  @AfterEach
  void closeSessions() {
    open.forEach(ImapSession::close);
  }

  /** Records every payment; waits for nothing. */
  private static final class RecordingThrottle implements Throttle {
    final List<long[]> passes = new ArrayList<>();
    final long burstBytes;
    final int burstMessages;

    RecordingThrottle(long burstBytes, int burstMessages) {
      this.burstBytes = burstBytes;
      this.burstMessages = burstMessages;
    }

    @Override
    public void pass(long bytes, int messages) {
      passes.add(new long[] {bytes, messages});
    }

    @Override
    public long burstBytes() {
      return burstBytes;
    }

    @Override
    public int burstMessages() {
      return burstMessages;
    }

    long bytes() {
      return passes.stream().mapToLong(p -> p[0]).sum();
    }

    long messages() {
      return passes.stream().mapToLong(p -> p[1]).sum();
    }

    long largestBytes() {
      return passes.stream().mapToLong(p -> p[0]).max().orElse(0);
    }
  }

  private ImapSession session(Throttle throttle) {
    ImapEndpoint plain = GreenMailServers.plain(server);
    ImapEndpoint paced = new ImapEndpoint(plain.host(), plain.port(), plain.tls(), plain.caFile(),
        plain.insecure(), plain.timeout(), throttle);
    ImapSession s = new JakartaImapConnector().connect(paced, GreenMailServers.alice(),
        Access.READ_WRITE);
    open.add(s);
    return s;
  }

  private static List<byte[]> bodies(ImapSession s, List<UidSize> which) {
    List<byte[]> out = new ArrayList<>();
    s.fetchBodies(which, m -> {
      try (m; InputStream in = m.open()) {
        out.add(in.readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    return out;
  }

  @Test
  void fetchBodies_largeMessage_isPaidChunkByChunkNoLargerThanTheBurst() {
    // given: a 1 MB message, stored without a throttle
    TestMessage big = TestMessage.withAttachment(1_000_000, 7);
    long uid = session(Throttle.NONE).append("INBOX", big, Set.of(), DATE).orElseThrow();
    RecordingThrottle throttle = new RecordingThrottle(BURST, Integer.MAX_VALUE);
    ImapSession s = session(throttle);
    s.examine("INBOX");

    // when
    List<byte[]> got = bodies(s, List.of(new UidSize(uid, big.size())));

    // then: byte-exact, and paid in pieces no larger than the burst that add up to its size
    assertThat(got).singleElement().isEqualTo(big.bytes());
    assertThat(throttle.passes).hasSize((int) ((big.size() + BURST - 1) / BURST));
    assertThat(throttle.largestBytes()).isEqualTo(BURST);
    assertThat(throttle.bytes()).isEqualTo(big.size());
    assertThat(throttle.messages()).isEqualTo(1);
  }

  @Test
  void fetchBodies_smallMessagesUnderAMessageBurst_areFetchedInBatchesOfThatSize() {
    // given: seven small messages and a burst of three messages
    ImapSession writer = session(Throttle.NONE);
    List<UidSize> which = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 7; i++) {
      TestMessage m = TestMessage.simple("m" + i, "<m" + i + "@x>");
      which.add(new UidSize(writer.append("INBOX", m, Set.of(), DATE).orElseThrow(), m.size()));
      total += m.size();
    }
    RecordingThrottle throttle = new RecordingThrottle(Long.MAX_VALUE, 3);
    ImapSession s = session(throttle);
    s.examine("INBOX");

    // when
    List<byte[]> got = bodies(s, which);

    // then
    assertThat(got).hasSize(7);
    assertThat(throttle.passes).extracting(p -> p[1]).containsExactly(3L, 3L, 1L);
    assertThat(throttle.bytes()).isEqualTo(total);
  }

  @Test
  void append_underAThrottle_paysEveryBufferOfTheLiteralAndOneMessageEach() {
    // given
    RecordingThrottle throttle = new RecordingThrottle(Long.MAX_VALUE, Integer.MAX_VALUE);
    ImapSession s = session(throttle);
    TestMessage big = TestMessage.withAttachment(300_000, 3);
    TestMessage small = TestMessage.simple("s", "<s@x>");

    // when
    s.append("INBOX", big, Set.of(), DATE);
    s.appendAll("INBOX", List.of(new ImapSession.Append(small, Set.of(), DATE),
        new ImapSession.Append(small, Set.of("\\Seen"), DATE)));

    // then
    assertThat(throttle.bytes()).isEqualTo(big.size() + 2 * small.size());
    assertThat(throttle.messages()).isEqualTo(3);
    assertThat(throttle.largestBytes()).isLessThanOrEqualTo(BURST);
    assertThat(s.status("INBOX").messages()).isEqualTo(3);
  }
}
