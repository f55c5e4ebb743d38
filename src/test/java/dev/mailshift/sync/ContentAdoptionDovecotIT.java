package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.ImapConnector;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.JakartaImapConnector;
import dev.mailshift.state.StateStore;
import dev.mailshift.testsupport.DovecotPair;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.Seeder;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adoption by content between two real Dovecot servers: a destination preseeded by another tool,
 * with a look-alike (same Message-ID, RFC822.SIZE and INTERNALDATE, other bytes), and the cost of
 * confirming every adoption by hashing both sides. Read back with {@link RawImap}.
 */
class ContentAdoptionDovecotIT {
  private static final System.Logger LOG =
      System.getLogger(ContentAdoptionDovecotIT.class.getName());
  private static final Instant DATE = Instant.parse("2020-02-02T02:02:02Z");
  private static final FolderPair INBOX = new FolderPair("user", "INBOX", "INBOX");

  @RegisterExtension
  static DovecotPair dovecot = new DovecotPair();

  @TempDir Path dir;
  private final List<ImapSession> open = new ArrayList<>();
  private ImapConnector connector;
  private StateStore state;

  /** Opens a session when asked, replaces it when discarded. */
  private final class Sessions implements SessionProvider {
    private final DovecotPair.Account account;
    private final Access access;
    private ImapSession current;

    Sessions(DovecotPair.Account account, Access access) {
      this.account = account;
      this.access = access;
    }

    @Override
    public ImapSession get() {
      if (current == null) {
        current = connector.connect(account.plain(), account.credentials(), access);
        open.add(current);
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
    connector = new JakartaImapConnector(dir.resolve("spool"));
    state = StateStore.open(dir.resolve("state.db"));
  }

  @AfterEach
  void close() {
    open.forEach(ImapSession::close);
    state.close();
  }

  private FolderSyncResult sync() {
    return new FolderSynchronizer(state.sync(), SyncOptions.DEFAULT, SyncListener.NONE,
        Backoff.NONE, SyncFixture.CLOCK).sync(new Sessions(dovecot.source(), Access.READ_ONLY),
        new Sessions(dovecot.destination(), Access.READ_WRITE), INBOX);
  }

  private static RawImap raw(DovecotPair.Account account) {
    return new RawImap("127.0.0.1", account.plain().port(), account.user(),
        account.password().reveal());
  }

  private static Seeder seeder(ImapConnector connector, DovecotPair.Account account) {
    return new Seeder(connector, account.plain(), account.credentials());
  }

  @Test
  void sync_preseededCopyAndALookAlike_adoptsTheCopyCopiesTheOriginalSourceUnseen() {
    // given: the source holds two unseen messages; the destination a byte-identical copy of the
    // first and, for the second, a look-alike with the same Message-ID, size and INTERNALDATE
    TestMessage copied = TestMessage.simple("report", "<report@x>");
    TestMessage original = TestMessage.simple("weekly A", "<weekly@x>");
    TestMessage lookAlike = TestMessage.simple("weekly B", "<weekly@x>");
    assertThat(lookAlike.size()).isEqualTo(original.size());
    seeder(connector, dovecot.source()).seed("INBOX", List.of(
        new Seeder.Mail(copied, Set.of(), DATE), new Seeder.Mail(original, Set.of(), DATE)));
    seeder(connector, dovecot.destination()).seed("INBOX", List.of(
        new Seeder.Mail(copied, Set.of(), DATE), new Seeder.Mail(lookAlike, Set.of(), DATE)));
    List<RawImap.Stored> sourceBefore;
    try (RawImap src = raw(dovecot.source())) {
      sourceBefore = src.examineAll("INBOX");
    }

    // when
    FolderSyncResult result = sync();

    // then
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.copied()).isEqualTo(1);
    try (RawImap src = raw(dovecot.source()); RawImap dst = raw(dovecot.destination())) {
      List<RawImap.Stored> sourceAfter = src.examineAll("INBOX");
      assertThat(sourceAfter).isEqualTo(sourceBefore);
      assertThat(sourceAfter).allSatisfy(m -> assertThat(m.flags()).doesNotContain("\\Seen"));
      assertThat(dst.examineAll("INBOX")).extracting(m -> new String(m.body(),
              java.nio.charset.StandardCharsets.UTF_8))
          .containsExactlyInAnyOrder(new String(copied.bytes(),
                  java.nio.charset.StandardCharsets.UTF_8),
              new String(lookAlike.bytes(), java.nio.charset.StandardCharsets.UTF_8),
              new String(original.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    FolderSyncResult again = sync();
    assertThat(again.copied() + again.adopted()).isZero();
  }

  @Test
  void sync_thousandPreseededMessages_adoptsAllCopiesNothing() {
    // given: the same 1000 messages on both sides, as another tool would have left them
    int count = 1000;
    seeder(connector, dovecot.source()).seedSimple("INBOX", count, DATE);
    seeder(connector, dovecot.destination()).seedSimple("INBOX", count, DATE);

    // when
    long start = System.nanoTime();
    FolderSyncResult result = sync();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // then
    LOG.log(System.Logger.Level.INFO, String.format(
        "Dovecot->Dovecot: %d preseeded messages adopted (hash-confirmed) in %d ms = %.0f msgs/s",
        count, took.toMillis(), count * 1000.0 / Math.max(1, took.toMillis())));
    assertThat(result.adopted()).isEqualTo(count);
    assertThat(result.copied()).isZero();
    try (RawImap dst = raw(dovecot.destination())) {
      assertThat(dst.flagLines("INBOX")).hasSize(count);
    }
  }
}
