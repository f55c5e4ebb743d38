package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.StateStore;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the real Jakarta adapter between two GreenMail servers (no CONDSTORE there). */
class FolderSynchronizerGreenMailTest {
  @RegisterExtension
  static GreenMailExtension source = GreenMailServers.imapAndImaps();

  @RegisterExtension
  static GreenMailExtension destination = GreenMailServers.imapAndImaps();

  private static final FolderPair ARCHIVE = new FolderPair("alice", "Archive", "Archive");

  @TempDir Path dir;
  private final ImapConnector connector = new JakartaImapConnector();
  private final List<ImapSession> open = new ArrayList<>();
  private StateStore state;

  /** What must survive a copy: bytes (as hash), size, flags with keywords, INTERNALDATE. */
  private record Copy(String sha256, long size, Set<String> flags, Instant date) {}

  /** Opens a session when asked, replaces it when discarded. */
  private final class Sessions implements SessionProvider {
    private final GreenMailExtension server;
    private final Access access;
    private ImapSession current;

    Sessions(GreenMailExtension server, Access access) {
      this.server = server;
      this.access = access;
    }

    @Override
    public ImapSession get() {
      if (current == null) {
        current = session(server, access);
      }
      return current;
    }

    @Override
    public void discard(ImapSession broken) {
      broken.close();
      current = null;
    }
  }

  @BeforeEach
  void openState() {
    state = StateStore.open(dir.resolve("state.db"));
  }

  @AfterEach
  void close() {
    open.forEach(ImapSession::close);
    state.close();
  }

  private ImapSession session(GreenMailExtension server, Access access) {
    ImapSession s = connector.connect(GreenMailServers.plain(server), GreenMailServers.alice(),
        access);
    open.add(s);
    return s;
  }

  private static List<Copy> copies(ImapSession s, String folder) {
    s.examine(folder);
    List<MessageMeta> metas = new ArrayList<>();
    s.fetchMeta(1, Long.MAX_VALUE, metas::add);
    Map<Long, String> hashes = new HashMap<>();
    s.fetchBodies(metas.stream().map(m -> new ImapSession.UidSize(m.uid(), m.size())).toList(),
        fetched -> {
          try (fetched) {
            hashes.put(fetched.uid(), fetched.sha256());
          }
        });
    return metas.stream().map(m -> new Copy(hashes.get(m.uid()), m.size(),
            new TreeSet<>(m.flags()), m.internalDate()))
        .sorted(Comparator.comparing(Copy::sha256).thenComparing(c -> c.flags().toString()))
        .toList();
  }

  private FolderSynchronizer engine() {
    return new FolderSynchronizer(state.sync(), SyncOptions.DEFAULT, SyncListener.NONE,
        Backoff.NONE, SyncFixture.CLOCK);
  }

  @Test
  void sync_twoGreenMails_byteExactWithFlagsKeywordsAndDatesSourceUntouched() {
    // given: mail on the source, one unseen, one large, one with keywords, a duplicate
    ImapSession seed = session(source, Access.READ_WRITE);
    seed.create("Archive");
    Instant d1 = Instant.parse("2019-02-03T04:05:06Z");
    Instant d2 = Instant.parse("2021-07-08T09:10:11Z");
    seed.append("Archive", TestMessage.simple("unseen", "<u@x>"), Set.of(), d1);
    seed.append("Archive", TestMessage.simple("seen", "<s@x>"), Set.of("\\Seen", "\\Answered"), d2);
    seed.append("Archive", TestMessage.simple("labels", "<k@x>"),
        Set.of("\\Flagged", "$Label1", "Work"), d1);
    seed.append("Archive", TestMessage.withAttachment(300_000, 7), Set.of("\\Seen"), d2);
    seed.append("Archive", TestMessage.simple("seen", "<s@x>"), Set.of("\\Seen", "\\Answered"), d2);
    ImapSession reader = session(source, Access.READ_ONLY);
    List<Copy> sourceBefore = copies(reader, "Archive");
    session(destination, Access.READ_WRITE).create("Archive");

    // when
    FolderSyncResult first = engine().sync(new Sessions(source, Access.READ_ONLY),
        new Sessions(destination, Access.READ_WRITE), ARCHIVE);
    FolderSyncResult second = engine().sync(new Sessions(source, Access.READ_ONLY),
        new Sessions(destination, Access.READ_WRITE), ARCHIVE);

    // then
    assertThat(first.copied()).isEqualTo(5);
    assertThat(second.copied() + second.adopted() + second.flagsUpdated()).isZero();
    assertThat(copies(session(destination, Access.READ_ONLY), "Archive")).isEqualTo(sourceBefore);
    assertThat(copies(session(source, Access.READ_ONLY), "Archive")).isEqualTo(sourceBefore);
    assertThat(sourceBefore).anySatisfy(c -> assertThat(c.flags()).isEmpty());
    FolderVerification check = new FolderVerifier(state.sync(), 0, Backoff.NONE).verify(
        new Sessions(source, Access.READ_ONLY), new Sessions(destination, Access.READ_WRITE),
        ARCHIVE);
    assertThat(check.shortfall()).isFalse();
    assertThat(check.destinationBytes()).isEqualTo(check.sourceBytes());
  }

  @Test
  void sync_flagChangesOnSourceAndStateLost_carriedAndNothingDuplicated() {
    // given
    ImapSession seed = session(source, Access.READ_WRITE);
    seed.create("Archive");
    Instant d = Instant.parse("2020-01-01T00:00:00Z");
    long a = seed.append("Archive", TestMessage.simple("a", "<a@x>"), Set.of(), d).orElseThrow();
    seed.append("Archive", TestMessage.simple("b", "<b@x>"), Set.of("\\Seen"), d);
    session(destination, Access.READ_WRITE).create("Archive");
    engine().sync(new Sessions(source, Access.READ_ONLY),
        new Sessions(destination, Access.READ_WRITE), ARCHIVE);
    seed.select("Archive");
    seed.replaceFlags(a, Set.of("\\Seen", "\\Flagged", "Important"));
    state.close();
    dir.resolve("state.db").toFile().delete();
    state = StateStore.open(dir.resolve("state.db"));

    // when
    FolderSyncResult result = engine().sync(new Sessions(source, Access.READ_ONLY),
        new Sessions(destination, Access.READ_WRITE), ARCHIVE);

    // then
    assertThat(result.copied()).isZero();
    assertThat(result.adopted()).isEqualTo(2);
    assertThat(result.flagsUpdated()).isEqualTo(1);
    assertThat(copies(session(destination, Access.READ_ONLY), "Archive"))
        .isEqualTo(copies(session(source, Access.READ_ONLY), "Archive"));
  }
}
