package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailshift.state.SkipRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message selection in the engine: what is left out is recorded with its reason, counted, never
 * copied while it stays left out; and copied by a later run as soon as the plan, the clock or the
 * search answer select it. The clock is the fixture's (2026-03-01 10:00 UTC).
 */
class SelectionSyncTest {
  static final String NOT_SPAM = "NOT HEADER X-Spam-Flag YES";
  static final Instant RECENT = Instant.parse("2026-02-01T08:00:00Z");

  @TempDir Path dir;
  SyncFixture f;

  @BeforeEach
  void setUp() {
    f = new SyncFixture(dir);
    f.source.searches.put(NOT_SPAM, FolderSynchronizerCrashTest.SPAM_FREE);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  static Selection selection(Period maxAge, Period minAge, LocalDate since, LocalDate before,
      Long minSize, String search) {
    return new Selection(Optional.ofNullable(maxAge), Optional.ofNullable(minAge),
        Optional.ofNullable(since), Optional.ofNullable(before),
        minSize == null ? OptionalLong.empty() : OptionalLong.of(minSize),
        Optional.ofNullable(search));
  }

  private void select(Selection s) {
    f.options = SyncOptions.DEFAULT.withSelection(s);
  }

  private long deliver(String id, int bodyLength, Instant date) {
    return f.source.deliver("INBOX", Mail.message(id, id, "x".repeat(bodyLength)), Set.of(), date);
  }

  @Test
  void sync_maxAgeSinceMinSizeAndSearch_leftOutWithTheirReasonsOthersCopied() {
    // given
    select(selection(Period.ofYears(10), null, LocalDate.of(2020, 1, 1), null, 100L, NOT_SPAM));
    deliver("ancient@x", 80, Instant.parse("2012-01-01T00:00:00Z"));
    deliver("before-since@x", 80, Instant.parse("2019-06-01T00:00:00Z"));
    deliver("tiny@x", 0, RECENT);
    f.source.deliver("INBOX", FolderSynchronizerCrashTest.spam("spam@x"), Set.of(), RECENT);
    deliver("kept@x", 80, RECENT);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.skipped()).extracting(SkippedMessage::uid, SkippedMessage::reason)
        .containsExactly(
            tuple(1L, SkippedMessage.Reason.TOO_OLD),
            tuple(2L, SkippedMessage.Reason.OUTSIDE_DATE_RANGE),
            tuple(3L, SkippedMessage.Reason.UNDER_MIN_SIZE),
            tuple(4L, SkippedMessage.Reason.NOT_MATCHING_SEARCH));
    assertThat(result.skipped().get(0).detail()).contains("messages.max-age 10y");
    assertThat(result.skipped().get(3).detail()).isEqualTo("does not match messages.search: " + NOT_SPAM);
    assertThat(f.destination.copies("INBOX")).extracting(FakeImapServer.Copy::content)
        .singleElement().asString().contains("kept@x");
    assertThat(f.source.calls("search")).as("one UID SEARCH for the folder").isEqualTo(1);
  }

  @Test
  void sync_tooLargeAndNotMatchingTheSearch_countedOnceUnderTheSearch() {
    // given: a spam message over max-size
    f.options = new SyncOptions(OptionalLong.of(10), true, false, 100, 3)
        .withSelection(selection(null, null, null, null, null, NOT_SPAM));
    f.source.deliver("INBOX", FolderSynchronizerCrashTest.spam("spam@x"), Set.of(), RECENT);

    // when
    FolderSyncResult result = f.sync();

    // then: the selection leaves it out anyway, so it is not listed as oversized
    assertThat(result.skipped()).extracting(SkippedMessage::reason)
        .containsExactly(SkippedMessage.Reason.NOT_MATCHING_SEARCH);
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).hasSize(1);
  }

  @Test
  void sync_secondRunSameSelection_copiesNothingAndKeepsTheSkips() {
    // given
    select(selection(Period.ofYears(1), null, null, null, null, NOT_SPAM));
    deliver("old@x", 80, Instant.parse("2020-01-01T00:00:00Z"));
    f.source.deliver("INBOX", FolderSynchronizerCrashTest.spam("spam@x"), Set.of(), RECENT);
    deliver("ok@x", 80, RECENT);
    f.sync();

    // when
    FolderSyncResult again = f.sync();

    // then
    assertThat(again.copied()).isZero();
    assertThat(again.skipped()).isEmpty();
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).extracting(SkipRecord::reason)
        .containsExactlyInAnyOrder("TOO_OLD", "NOT_MATCHING_SEARCH");
    assertThat(f.destination.copies("INBOX")).hasSize(1);
  }

  @Test
  void sync_minAge_tooNewLeftOutThenCopiedOnceOldEnoughEvenWhenTheFolderIsUnchanged() {
    // given: CONDSTORE on, so an unchanged folder is passed over on STATUS alone
    f.source.condstore(true);
    select(selection(null, Period.ofDays(30), null, null, null, null));
    deliver("fresh@x", 80, Instant.parse("2026-02-25T00:00:00Z"));
    deliver("settled@x", 80, Instant.parse("2025-12-01T00:00:00Z"));
    FolderSyncResult first = f.sync();
    FolderSyncResult stillYoung = f.sync();

    // when: 30 days later, nothing new on the source
    f.clock = Clock.offset(SyncFixture.CLOCK, Duration.ofDays(30));
    FolderSyncResult later = f.sync();

    // then
    assertThat(first.copied()).isEqualTo(1);
    assertThat(first.skipped()).extracting(SkippedMessage::reason)
        .containsExactly(SkippedMessage.Reason.TOO_NEW);
    assertThat(stillYoung.copied()).isZero();
    assertThat(later.copied()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).hasSize(2);
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).as("the skip went with the copy")
        .isEmpty();
    assertThat(f.sync().copied()).isZero();
  }

  @Test
  void sync_selectionWidenedInThePlan_previouslySkippedMessagesCopiedOnce() {
    // given
    f.source.condstore(true);
    select(selection(Period.ofYears(1), null, null, null, 200L, null));
    deliver("old@x", 300, Instant.parse("2020-01-01T00:00:00Z"));
    deliver("small@x", 10, RECENT);
    deliver("ok@x", 300, RECENT);
    f.sync();

    // when
    select(Selection.ALL);
    FolderSyncResult widened = f.sync();
    FolderSyncResult again = f.sync();

    // then
    assertThat(widened.copied()).isEqualTo(2);
    assertThat(again.copied()).isZero();
    assertThat(f.destination.copies("INBOX")).hasSize(3);
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
  }

  @Test
  void sync_maxSizeRaisedButStillTooSmall_theRecordNamesTheNewLimitAndTheMessageStaysOut() {
    // given: left out under max-size 100
    f.source.condstore(true);
    f.options = new SyncOptions(OptionalLong.of(100), true, false, 100, 3);
    deliver("big@x", 400, RECENT);
    f.sync();

    // when: max-size raised to 200, still below the message
    f.options = new SyncOptions(OptionalLong.of(200), true, false, 100, 3);
    FolderSyncResult raised = f.sync();
    FolderSyncResult again = f.sync();

    // then
    assertThat(raised.copied()).isZero();
    assertThat(again.copied()).isZero();
    assertThat(f.destination.copies("INBOX")).isEmpty();
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).singleElement()
        .satisfies(r -> assertThat(r.detail()).endsWith("over messages.max-size 200"));
  }

  @Test
  void sync_selectionNarrowedInThePlan_copiesStayAndNothingMoreIsCopied() {
    // given
    deliver("old@x", 80, Instant.parse("2020-01-01T00:00:00Z"));
    f.sync();

    // when
    select(selection(Period.ofYears(1), null, null, null, null, null));
    deliver("older@x", 80, Instant.parse("2019-01-01T00:00:00Z"));
    FolderSyncResult narrowed = f.sync();

    // then: never a deletion because of selection
    assertThat(narrowed.copied()).isZero();
    assertThat(narrowed.deleted()).isZero();
    assertThat(f.destination.copies("INBOX")).hasSize(1);
  }

  @Test
  void sync_messageStartsMatchingTheSearch_copiedByTheNextRun() {
    // given: only flagged messages are selected
    f.source.searches.put("FLAGGED", m -> m.flags.contains("\\Flagged"));
    select(selection(null, null, null, null, null, "FLAGGED"));
    long uid = deliver("later@x", 80, RECENT);
    FolderSyncResult first = f.sync();

    // when
    f.source.setFlags("INBOX", uid, Set.of("\\Flagged"));
    FolderSyncResult second = f.sync();

    // then
    assertThat(first.skipped()).extracting(SkippedMessage::reason)
        .containsExactly(SkippedMessage.Reason.NOT_MATCHING_SEARCH);
    assertThat(second.copied()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).singleElement()
        .satisfies(c -> assertThat(c.flags()).contains("\\Flagged"));
  }

  @Test
  void sync_searchTheSourceRefuses_failsNamingThePlanKeyAndCopiesNothing() {
    // given
    select(selection(null, null, null, null, null, "FROM"));
    deliver("a@x", 80, RECENT);

    // when / then
    assertThatThrownBy(() -> f.sync())
        .isInstanceOf(SearchRefusedException.class)
        .hasMessageContaining("messages.search 'FROM'")
        .hasMessageContaining("BAD");
    assertThat(f.destination.copies("INBOX")).isEmpty();
  }

  @Test
  void diff_selection_countsWhatTheSyncWillLeaveOutWithoutWriting() {
    // given
    select(selection(Period.ofYears(1), null, null, null, null, NOT_SPAM));
    deliver("old@x", 80, Instant.parse("2020-01-01T00:00:00Z"));
    f.source.deliver("INBOX", FolderSynchronizerCrashTest.spam("spam@x"), Set.of(), RECENT);
    deliver("ok@x", 80, RECENT);

    // when
    FolderDiff d = f.diff();

    // then
    assertThat(d.toCopy()).isEqualTo(1);
    assertThat(d.skipped()).extracting(SkippedMessage::reason).containsExactly(
        SkippedMessage.Reason.TOO_OLD, SkippedMessage.Reason.NOT_MATCHING_SEARCH);
    assertThat(f.destination.copies("INBOX")).isEmpty();
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
  }
}
