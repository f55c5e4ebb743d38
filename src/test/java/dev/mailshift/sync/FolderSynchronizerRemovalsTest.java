package dev.mailshift.sync;

import static dev.mailshift.sync.SyncFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode as apply runs it: the removals of a folder counted read-only first ({@link
 * FolderSynchronizer#plannedRemovals}), then the sync removing exactly the approved ones.
 */
class FolderSynchronizerRemovalsTest {
  private static final SyncOptions MIRROR =
      new SyncOptions(OptionalLong.empty(), true, true, 100, 5);

  @TempDir Path dir;
  private SyncFixture f;

  @BeforeEach
  void setUp() {
    f = new SyncFixture(dir);
    f.options = MIRROR;
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private Set<Long> planned() {
    return f.engine().plannedRemovals(f.sourceSessions, f.destinationSessions, INBOX,
        Optional.empty());
  }

  private FolderSyncResult syncApproving(Set<Long> approved) {
    return f.engine().sync(f.sourceSessions, f.destinationSessions, INBOX, GmailFolder.NONE,
        Optional.empty(), new Removals.Approved(approved));
  }

  private Set<String> destinationIds() {
    return f.destination.copies("INBOX").stream()
        .map(c -> c.content().replaceAll("(?s).*Message-ID: <([^>]*)>.*", "$1"))
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void plannedRemovals_sourceExpungedTwo_namesExactlyTheirUidsAndChangesNothing() {
    // given: a synced folder, a destination message of its own, two source expunges, new mail
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    long c = f.deliver("c@x", Set.of(), 3);
    f.destination.deliver("INBOX", Mail.message("own@dest"), Set.of(), Mail.date(9));
    f.sync();
    f.source.expunge("INBOX", a);
    f.source.expunge("INBOX", c);
    f.deliver("new@x", Set.of(), 4);
    var before = f.destination.copies("INBOX");

    // when
    Set<Long> planned = planned();

    // then
    assertThat(planned).containsExactlyInAnyOrder(a, c);
    assertThat(f.destination.copies("INBOX")).isEqualTo(before);
  }

  @Test
  void plannedRemovals_deletionsKept_isEmpty() {
    // given
    f.options = new SyncOptions(OptionalLong.empty(), true, false, 100, 5);
    long a = f.deliver("a@x", Set.of(), 1);
    f.sync();
    f.source.expunge("INBOX", a);

    // when / then
    assertThat(planned()).isEmpty();
  }

  @Test
  void plannedRemovals_destinationFolderMissing_isEmpty() {
    // given
    FolderPair pair = new FolderPair(SyncFixture.ACCOUNT, "INBOX", "Elsewhere");

    // when
    Set<Long> planned = f.engine().plannedRemovals(f.sourceSessions, f.destinationSessions, pair,
        Optional.empty());

    // then
    assertThat(planned).isEmpty();
  }

  @Test
  void sync_approvedRemovals_removesExactlyThose() {
    // given
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    f.destination.deliver("INBOX", Mail.message("own@dest"), Set.of(), Mail.date(9));
    f.sync();
    f.source.expunge("INBOX", a);

    // when
    FolderSyncResult result = syncApproving(planned());

    // then
    assertThat(result.deleted()).isEqualTo(1);
    assertThat(result.warnings()).isEmpty();
    assertThat(destinationIds()).containsExactlyInAnyOrder("b@x", "own@dest");
  }

  @Test
  void sync_expungedAfterTheCount_leftForTheNextRunEvenWhenStatusLooksUnchanged() {
    // given: a CONDSTORE source (an unchanged STATUS lets a sync stop early); a is counted, then
    // c is expunged before the sync runs
    f.source.condstore(true);
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    long c = f.deliver("c@x", Set.of(), 3);
    f.sync();
    f.source.expunge("INBOX", a);
    Set<Long> approved = planned();
    f.source.expunge("INBOX", c);

    // when
    FolderSyncResult result = syncApproving(approved);

    // then: only a's copy went; c's waits, and the next counted run removes it
    assertThat(result.deleted()).isEqualTo(1);
    assertThat(result.warnings()).singleElement().asString()
        .contains("1 destination message(s)").contains("next run");
    assertThat(destinationIds()).containsExactlyInAnyOrder("b@x", "c@x");
    FolderSyncResult next = syncApproving(planned());
    assertThat(next.deleted()).isEqualTo(1);
    assertThat(destinationIds()).containsExactly("b@x");
  }

  @Test
  void sync_nothingApproved_removesNothingAndCopiesNewMail() {
    // given
    long a = f.deliver("a@x", Set.of(), 1);
    f.sync();
    f.source.expunge("INBOX", a);
    f.deliver("new@x", Set.of(), 2);

    // when
    FolderSyncResult result = syncApproving(Set.of());

    // then
    assertThat(result.deleted()).isZero();
    assertThat(result.copied()).isEqualTo(1);
    assertThat(destinationIds()).containsExactlyInAnyOrder("a@x", "new@x");
  }
}
