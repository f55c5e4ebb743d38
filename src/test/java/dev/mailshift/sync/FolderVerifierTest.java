package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderVerifierTest {
  @TempDir Path dir;
  private SyncFixture f;

  @BeforeEach
  void setUp() {
    f = new SyncFixture(dir);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private FolderVerification verify() {
    return new FolderVerifier(f.store(), 0, Backoff.NONE)
        .verify(f.sourceSessions, f.destinationSessions, SyncFixture.INBOX);
  }

  @Test
  void verify_afterSyncWithSkippedMessage_noShortfallSkipAccounted() {
    // given
    f.options = new SyncOptions(OptionalLong.of(300), true, false, 100, 5);
    f.deliver("a@x", Set.of(), 1);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(), Mail.date(2));
    f.sync();

    // when
    FolderVerification v = verify();

    // then
    assertThat(v.shortfall()).isFalse();
    assertThat(v.sourceMessages()).isEqualTo(2);
    assertThat(v.skippedMessages()).isEqualTo(1);
    assertThat(v.expectedMessages()).isEqualTo(1);
    assertThat(v.destinationMessages()).isEqualTo(1);
    assertThat(v.destinationBytes()).isEqualTo(v.expectedBytes());
  }

  @Test
  void verify_destinationCopyLost_reportsShortfall() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.destination.expunge("INBOX", f.destination.folder("INBOX").messages.firstKey());

    // when
    FolderVerification v = verify();

    // then
    assertThat(v.shortfall()).isTrue();
    assertThat(v.destinationMessages()).isEqualTo(1);
  }

  @Test
  void verify_mailArrivedAfterSync_unaccountedAndShortfall() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.sync();
    f.deliver("late@x", Set.of(), 2);

    // when
    FolderVerification v = verify();

    // then
    assertThat(v.unaccounted()).isEqualTo(1);
    assertThat(v.shortfall()).isTrue();
  }
}
