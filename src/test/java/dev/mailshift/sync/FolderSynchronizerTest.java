package dev.mailshift.sync;

import static dev.mailshift.sync.SyncFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderSynchronizerTest {
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

  private void assertDestinationEqualsSource() {
    assertThat(f.destination.copies("INBOX")).isEqualTo(f.source.copies("INBOX"));
  }

  @Test
  void sync_firstRun_copiesEveryMessageWithBytesFlagsKeywordsAndDate() {
    // given
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.deliver("b@x", Set.of("\\Flagged", "$Label1", "\\Answered"), 2);
    f.deliver("c@x", Set.of(), 3);
    var sourceBefore = f.source.copies("INBOX");

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(f.source.copies("INBOX")).isEqualTo(sourceBefore);
    assertThat(result.copied()).isEqualTo(3);
    assertThat(result.bytesCopied()).isEqualTo(sourceBefore.stream()
        .mapToLong(c -> c.content().length()).sum());
    assertThat(result.adopted()).isZero();
    assertThat(f.store().intents(SyncFixture.ACCOUNT, "INBOX")).isEmpty();
  }

  @Test
  void sync_rerunWithCondstoreAndNothingNew_onlyOneStatusOnEachSide() {
    // given
    f.source.condstore(true);
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.resetCalls();
    f.destination.resetCalls();

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(f.source.calls()).isEqualTo(Map.of("status", 1));
    assertThat(f.destination.calls()).isEqualTo(Map.of("status", 1));
    assertThat(result.copied()).isZero();
  }

  @Test
  void sync_rerunWithoutCondstoreAndNothingNew_readsFlagsOnceAndNeverOpensDestination() {
    // given: the highest UID is handled, so "UID FETCH 3:*" returns message 2 (RFC 3501 6.4.8)
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.resetCalls();
    f.destination.resetCalls();

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(f.destination.calls()).isEqualTo(Map.of("status", 1));
    assertThat(f.source.calls()).containsEntry("fetchFlags", 1).doesNotContainKey("fetchBodies");
    assertThat(result.copied()).isZero();
    assertDestinationEqualsSource();
  }

  @ParameterizedTest(name = "condstore={0}")
  @ValueSource(booleans = {true, false})
  void sync_newMailAndFlagChanges_copiesNewAndCarriesFlags(boolean condstore) {
    // given
    f.source.condstore(condstore);
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of("\\Seen"), 2);
    f.sync();
    f.source.setFlags("INBOX", a, Set.of("\\Seen", "\\Flagged", "$Work"));
    f.deliver("c@x", Set.of("\\Draft"), 3);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.flagsUpdated()).isEqualTo(1);
  }

  @Test
  void sync_flagChangedOnlyOnDestination_keptWhileSourceUnchanged() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.sync();
    long destUid = f.destination.folder("INBOX").messages.firstKey();
    f.destination.setFlags("INBOX", destUid, Set.of("\\Seen"));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.flagsUpdated()).isZero();
    assertThat(f.destination.folder("INBOX").messages.get(destUid).flags).containsExactly("\\Seen");
  }

  @Test
  void sync_sourceExpungedKeepMode_destinationCopyStays() {
    // given
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.expunge("INBOX", a);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.deleted()).isZero();
    assertThat(f.destination.copies("INBOX")).hasSize(2);
  }

  @Test
  void sync_sourceExpungedMirrorMode_removesOnlyThatCopy() {
    // given: one destination message not copied by mailshift
    f.options = new SyncOptions(OptionalLong.empty(), true, true, 10, 5);
    f.destination.deliver("INBOX", Mail.message("own@dest"), Set.of(), Mail.date(9));
    long a = f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.expunge("INBOX", a);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.deleted()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).extracting(FakeImapServer.Copy::content)
        .containsExactlyInAnyOrder(new String(Mail.message("b@x")),
            new String(Mail.message("own@dest")));
  }

  @Test
  void sync_mirrorOverDeletionCeiling_failsNamingCountAndOptionAndRemovesNothing() {
    // given
    f.options = new SyncOptions(OptionalLong.empty(), true, true, 2, 5);
    List<Long> uids = List.of(f.deliver("a@x", Set.of(), 1), f.deliver("b@x", Set.of(), 2),
        f.deliver("c@x", Set.of(), 3), f.deliver("d@x", Set.of(), 4));
    f.sync();
    uids.subList(0, 3).forEach(uid -> f.source.expunge("INBOX", uid));

    // when / then
    assertThatThrownBy(f::sync).isInstanceOf(SyncException.class)
        .hasMessageContaining("remove 3 destination messages")
        .hasMessageContaining("messages.deletion-ceiling (2)")
        .hasMessageContaining(SyncFixture.ACCOUNT)
        .hasMessageContaining("INBOX");
    assertThat(f.destination.copies("INBOX")).hasSize(4);
  }

  @Test
  void sync_sourceUidValidityChanged_adoptsByContentCopiesNothingAndWarns() {
    // given
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.deliver("b@x", Set.of(), 2);
    f.sync();
    f.source.renumber("INBOX");
    f.deliver("c@x", Set.of(), 3);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.adopted()).isEqualTo(2);
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.warnings()).singleElement().asString()
        .contains("source UIDVALIDITY of INBOX changed from 100 to 101");
    assertThat(f.events).anyMatch(e -> e.startsWith("reset: source UIDVALIDITY"));
  }

  @Test
  void sync_destinationRecreatedWithSameMail_adoptsInsteadOfCopying() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.sync();
    f.destination.renumber("INBOX");

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.warnings()).singleElement().asString()
        .contains("destination UIDVALIDITY");
  }

  @Test
  void sync_stateFileLost_adoptsEverythingCopiesNothing() {
    // given
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.source.deliver("INBOX", Mail.message(null, "no id", "body"), Set.of(), Mail.date(2));
    f.sync();
    f.loseState();

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.copied()).isZero();
    assertThat(result.adopted()).isEqualTo(2);
    assertDestinationEqualsSource();
  }

  @Test
  void sync_destinationPreseededByAnotherTool_copiesOnlyTheRestAndFixesFlags() {
    // given: another tool copied a and b, without b's \Seen
    f.deliver("a@x", Set.of(), 1);
    f.deliver("b@x", Set.of("\\Seen"), 2);
    f.deliver("c@x", Set.of(), 3);
    f.destination.deliver("INBOX", Mail.message("a@x"), Set.of(), Mail.date(1));
    f.destination.deliver("INBOX", Mail.message("b@x"), Set.of(), Mail.date(2));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.adopted()).isEqualTo(2);
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.flagsUpdated()).isEqualTo(1);
  }

  @Test
  void sync_byteIdenticalDuplicatesAndDestinationHoldsOne_adoptsOneCopiesOther() {
    // given
    byte[] same = Mail.message("dup@x");
    f.source.deliver("INBOX", same, Set.of(), Mail.date(1));
    f.source.deliver("INBOX", same, Set.of(), Mail.date(1));
    f.destination.deliver("INBOX", same, Set.of(), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();
    f.sync();

    // then
    assertThat(f.destination.copies("INBOX")).hasSize(2);
    assertDestinationEqualsSource();
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.copied()).isEqualTo(1);
  }

  @Test
  void sync_byteIdenticalDuplicatesAfterStateLoss_bothStayExactlyOnce() {
    // given
    byte[] same = Mail.message(null, "same", "same body");
    f.source.deliver("INBOX", same, Set.of(), Mail.date(1));
    f.source.deliver("INBOX", same, Set.of(), Mail.date(1));
    f.sync();
    f.loseState();

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.adopted()).isEqualTo(2);
    assertThat(f.destination.copies("INBOX")).hasSize(2);
  }

  @Test
  void sync_twoDifferentMessagesShareMessageIdAndSize_bothArrive() {
    // given: a preseeded copy of the first one only
    byte[] first = Mail.message("same@x", "version one", "body A");
    byte[] second = Mail.message("same@x", "version two", "body B");
    f.source.deliver("INBOX", first, Set.of(), Mail.date(1));
    f.source.deliver("INBOX", second, Set.of(), Mail.date(1));
    f.destination.deliver("INBOX", first, Set.of(), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.copied()).isEqualTo(1);
  }

  @Test
  void sync_differentMessagesShareMessageIdSizeAndDate_sourceMessageCopiedNothingLost() {
    // given: a mailing-list copy on the destination looks like the source's message by key
    // (Message-ID, RFC822.SIZE, INTERNALDATE), but its bytes differ
    byte[] preseeded = Mail.message("list@x", "[list] weekly", "footer A");
    byte[] original = Mail.message("list@x", "[team] weekly", "footer B");
    assertThat(preseeded).hasSameSizeAs(original).isNotEqualTo(original);
    f.destination.deliver("INBOX", preseeded, Set.of(), Mail.date(1));
    f.source.deliver("INBOX", original, Set.of("\\Seen"), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.adopted()).isZero();
    assertThat(result.copied()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).containsAll(f.source.copies("INBOX"))
        .extracting(FakeImapServer.Copy::content)
        .containsExactlyInAnyOrder(new String(preseeded, java.nio.charset.StandardCharsets.UTF_8),
            new String(original, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(f.sync().copied()).isZero();
  }

  @Test
  void sync_threeIdenticalInSourceOnePreseeded_adoptsOneCopiesTwo() {
    // given
    byte[] same = Mail.message("triple@x");
    for (int i = 0; i < 3; i++) {
      f.source.deliver("INBOX", same, Set.of("\\Seen"), Mail.date(1));
    }
    f.destination.deliver("INBOX", same, Set.of(), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.copied()).isEqualTo(2);
    assertThat(f.destination.copies("INBOX")).hasSize(3);
    assertDestinationEqualsSource();
    FolderSyncResult again = f.sync();
    assertThat(again.copied() + again.adopted()).isZero();
  }

  @Test
  void sync_dropWhileHashingSecondAdoptionBatch_retryHashesOnlyWhatWasNotYetAdopted() {
    // given: 600 messages on both sides, 1200 candidates: batches of 1000 and 200 messages
    for (int i = 0; i < 600; i++) {
      f.deliver("m" + i + "@x", Set.of(), 1);
      f.destination.deliver("INBOX", Mail.message("m" + i + "@x"), Set.of(), Mail.date(1));
    }
    // STATUS x2, EXAMINE, SELECT, two metadata fetches, then 500 + 500 bodies in the first
    // batch: the drop hits the first source body of the second batch
    f.faults.dropAt(f.faults.count() + 6 + 1000 + 1, Faults.When.BEFORE);

    // when
    FolderSyncResult result = f.sync();

    // then: the first batch's 500 adoptions were kept; only the other 100 were hashed again
    assertThat(result.retries()).isEqualTo(1);
    assertThat(result.adopted()).isEqualTo(600);
    assertThat(result.copied()).isZero();
    assertThat(f.source.calls("fetchBody")).isEqualTo(500 + 1 + 100);
    assertDestinationEqualsSource();
  }

  @Test
  void sync_messagesWithoutMessageId_matchedOnlyByIdenticalBytes() {
    // given: the destination holds one of them, and a different one of the same size
    byte[] one = Mail.message(null, "one", "aaaa");
    byte[] two = Mail.message(null, "two", "bbbb");
    byte[] other = Mail.message(null, "oth", "cccc");
    f.source.deliver("INBOX", one, Set.of(), Mail.date(1));
    f.source.deliver("INBOX", two, Set.of(), Mail.date(1));
    f.destination.deliver("INBOX", two, Set.of(), Mail.date(1));
    f.destination.deliver("INBOX", other, Set.of(), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.adopted()).isEqualTo(1);
    assertThat(result.copied()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).hasSize(3);
  }

  @Test
  void sync_overPlanLimitOverAppendLimitAndDeleted_skippedListedOthersCopied() {
    // given
    f.options = new SyncOptions(OptionalLong.of(300), false, false, 100, 5);
    f.destination.appendLimit = OptionalLong.of(200);
    f.deliver("ok@x", Set.of(), 1);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(), Mail.date(2));
    f.source.deliver("INBOX", Mail.message("mid@x", "mid", "x".repeat(150)), Set.of(), Mail.date(3));
    f.deliver("del@x", Set.of("\\Deleted"), 4);

    // when
    FolderSyncResult result = f.sync();
    FolderSyncResult again = f.sync();

    // then
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.skipped()).extracting(SkippedMessage::uid, SkippedMessage::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, SkippedMessage.Reason.OVER_PLAN_LIMIT),
            org.assertj.core.groups.Tuple.tuple(3L, SkippedMessage.Reason.OVER_APPEND_LIMIT),
            org.assertj.core.groups.Tuple.tuple(4L, SkippedMessage.Reason.DELETED_FLAG));
    assertThat(again.skipped()).isEmpty();
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).hasSize(3);
    assertThat(f.destination.copies("INBOX")).hasSize(1);
  }

  @Test
  void sync_overMaxSizeAndAppendLimit_detailNamesBothLimits() {
    // given: max-size 300, APPENDLIMIT 200; one message over both, one over max-size only
    f.options = new SyncOptions(OptionalLong.of(300), true, false, 100, 5);
    f.destination.appendLimit = OptionalLong.of(200);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(), Mail.date(1));

    // when
    FolderSyncResult result = f.sync();

    // then: a reviewer sees both, not a new obstacle once max-size is raised
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkippedMessage.Reason.OVER_PLAN_LIMIT);
      assertThat(s.detail()).endsWith(", over messages.max-size 300; also over the"
          + " destination's APPENDLIMIT (200 bytes)");
    });
    assertThat(f.diff().skipped()).singleElement().extracting(SkippedMessage::detail)
        .asString().contains("also over the destination's APPENDLIMIT (200 bytes)");
  }

  @Test
  void sync_overMaxSizeThenAppendLimitRaised_recordNoLongerNamesIt() {
    // given
    f.options = new SyncOptions(OptionalLong.of(300), true, false, 100, 5);
    f.destination.appendLimit = OptionalLong.of(200);
    f.source.deliver("INBOX", Mail.message("big@x", "big", "x".repeat(400)), Set.of(), Mail.date(1));
    f.sync();

    // when: the destination now takes larger messages
    f.destination.appendLimit = OptionalLong.of(10_000);
    f.sync();

    // then
    assertThat(f.store().skipped(SyncFixture.ACCOUNT, "INBOX")).singleElement()
        .satisfies(r -> assertThat(r.detail()).doesNotContain("APPENDLIMIT")
            .contains("over messages.max-size 300"));
  }

  @Test
  void sync_keywordNotInDestinationPermanentFlags_droppedReportedMessageCopied() {
    // given
    f.destination.permanentFlags = java.util.Optional.of(Set.of("\\Seen", "\\Flagged",
        "\\Deleted", "\\Answered", "\\Draft", "$Label1"));
    f.deliver("a@x", Set.of("\\Seen", "$Label1", "$Exotic"), 1);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.copied()).isEqualTo(1);
    assertThat(result.rejectedKeywords()).containsExactly("$Exotic");
    assertThat(f.destination.copies("INBOX")).singleElement()
        .satisfies(c -> assertThat(c.flags()).containsExactlyInAnyOrder("\\Seen", "$Label1"));
    assertThat(f.store().rejectedKeywords(SyncFixture.ACCOUNT, "INBOX")).containsExactly("$Exotic");
  }

  @Test
  void sync_destinationRefusesOneAppend_listedWithServerTextAndRunGoesOn() {
    // given
    f.destination.refuseAppend = bytes -> new String(bytes).contains("virus");
    f.deliver("a@x", Set.of(), 1);
    f.source.deliver("INBOX", Mail.message("v@x", "virus", "bad"), Set.of(), Mail.date(2));
    f.deliver("c@x", Set.of(), 3);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertThat(result.copied()).isEqualTo(2);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkippedMessage.Reason.REJECTED_BY_DESTINATION);
      assertThat(s.detail()).contains("message refused by policy");
    });
    assertThat(f.sync().copied()).isZero();
  }

  @Test
  void sync_destinationWithoutUidplus_findsCopiesByContentAndNeverDuplicates() {
    // given
    f.destination.capabilities.remove("UIDPLUS");
    f.deliver("a@x", Set.of("\\Seen"), 1);
    f.deliver("b@x", Set.of(), 2);

    // when
    FolderSyncResult first = f.sync();
    f.deliver("c@x", Set.of(), 3);
    FolderSyncResult second = f.sync();

    // then
    assertThat(first.copied()).isEqualTo(2);
    assertThat(second.copied()).isEqualTo(1);
    assertDestinationEqualsSource();
  }

  @Test
  void sync_sourceSessionIsReadOnly_noWriteEverReachesIt() {
    // given
    f.deliver("a@x", Set.of(), 1);
    f.destination.deliver("INBOX", Mail.message("b@x"), Set.of("\\Seen"), Mail.date(2));

    // when
    f.sync();

    // then
    assertThat(f.source.calls()).doesNotContainKeys("select", "append", "replaceFlags", "expunge",
        "create");
  }

  @Test
  void sync_dropInTheMiddle_recoversInTheSameRunWithoutDuplicates() {
    // given: the 2nd APPEND lands, then the connection dies before its answer
    for (int i = 0; i < 5; i++) {
      f.deliver("m" + i + "@x", Set.of(), i);
    }
    int base = f.faults.count();
    f.faults.dropAt(base + 12, Faults.When.AFTER);

    // when
    FolderSyncResult result = f.sync();

    // then
    assertDestinationEqualsSource();
    assertThat(result.retries()).isEqualTo(1);
    assertThat(f.sourceSessions.discarded + f.destinationSessions.discarded).isEqualTo(2);
    assertThat(f.events).singleElement().asString().startsWith("retry 1: connection reset");
  }

  @Test
  void sync_dropsOnEveryAttempt_failsNamingAccountFolderAndServerText() {
    // given
    f.deliver("a@x", Set.of(), 1);
    int base = f.faults.count();
    for (int i = 1; i <= 6; i++) {
      f.faults.dropAt(base + 2 * i - 1, Faults.When.BEFORE); // every attempt's first STATUS
    }

    // when / then
    assertThatThrownBy(f::sync).isInstanceOf(SyncException.class)
        .hasMessageContaining("account " + SyncFixture.ACCOUNT)
        .hasMessageContaining("folder INBOX -> INBOX")
        .hasMessageContaining("gave up after 5 retries")
        .hasMessageContaining("* BYE server shutting down");
  }

  @Test
  void sync_twoSourceFoldersIntoOneDestination_eachDestinationMessageMappedOnce() {
    // given: identical mail in two source folders merged into one destination folder
    byte[] same = Mail.message("same@x");
    f.source.deliver("Archive/2019", same, Set.of(), Mail.date(1));
    f.source.deliver("Archive/2020", same, Set.of(), Mail.date(1));
    FolderPair y2019 = new FolderPair(SyncFixture.ACCOUNT, "Archive/2019", "INBOX");
    FolderPair y2020 = new FolderPair(SyncFixture.ACCOUNT, "Archive/2020", "INBOX");
    f.sync(y2019);
    f.loseState();

    // when
    FolderSyncResult a = f.sync(y2019);
    FolderSyncResult b = f.sync(y2020);

    // then
    assertThat(a.adopted()).isEqualTo(1);
    assertThat(b.copied()).isEqualTo(1);
    assertThat(f.destination.copies("INBOX")).hasSize(2);
  }
}
