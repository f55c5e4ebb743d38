package dev.mailshift.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSyncStoreTest {
  @TempDir Path dir;
  private StateStore state;
  private SyncStore store;

  @BeforeEach
  void open() {
    state = StateStore.open(dir.resolve("state.db"));
    store = state.sync();
  }

  @AfterEach
  void close() {
    state.close();
  }

  private static UidMapping mapping(String srcFolder, long srcUid, long dstUid) {
    return new UidMapping("alice", srcFolder, 7, srcUid, "INBOX", 9, dstUid, 100,
        Optional.of("ab"), Set.of("\\Seen", "$Label1"));
  }

  private static SyncBatch mappings(String srcFolder, UidMapping... m) {
    return new SyncBatch("alice", srcFolder, 7, List.of(m), List.of(), List.of(), Map.of(),
        List.of(), OptionalLong.empty());
  }

  @Test
  void commit_mappings_readBackWithFlags() {
    store.commit(mappings("INBOX", mapping("INBOX", 1, 11), mapping("INBOX", 2, 12)));

    assertThat(store.mappings("alice", "INBOX", 7)).containsExactly(
        mapping("INBOX", 1, 11), mapping("INBOX", 2, 12));
    assertThat(store.mappedDestinationUids("alice", "INBOX", 9)).containsExactlyInAnyOrder(11L, 12L);
  }

  @Test
  void commit_sameSourceUidTwice_refusedAndWholeBatchRolledBack() {
    store.commit(mappings("INBOX", mapping("INBOX", 1, 11)));

    assertThatThrownBy(() -> store.commit(mappings("INBOX", mapping("INBOX", 2, 12),
        mapping("INBOX", 1, 13)))).isInstanceOf(StateException.class);

    assertThat(store.mappings("alice", "INBOX", 7)).extracting(UidMapping::sourceUid)
        .containsExactly(1L);
  }

  @Test
  void commit_destinationUidTakenByAnotherSourceFolder_refused() {
    // given: two source folders merged into one destination folder
    store.commit(mappings("Archive/2019", mapping("Archive/2019", 1, 11)));

    // when / then: a destination message is the copy of at most one source message
    assertThatThrownBy(() -> store.commit(mappings("Archive/2020",
        mapping("Archive/2020", 1, 11)))).isInstanceOf(StateException.class);
  }

  @Test
  void commit_intentFinishedWithItsMapping_bothInOneTransaction() {
    // given
    long id = store.addIntent(new AppendIntent(0, "alice", "INBOX", 7, 1, "INBOX", 9, 11, 100,
        "ab"));
    assertThat(store.intents("alice", "INBOX")).extracting(AppendIntent::id).containsExactly(id);

    // when
    store.commit(new SyncBatch("alice", "INBOX", 7, List.of(mapping("INBOX", 1, 11)),
        List.of(id), List.of(), Map.of(), List.of(), OptionalLong.empty()));

    // then
    assertThat(store.intents("alice", "INBOX")).isEmpty();
    assertThat(store.mappings("alice", "INBOX", 7)).hasSize(1);
  }

  @Test
  void commit_lastUid_raisesCheckpointButNeverLowersIt() {
    store.saveCheckpoint(FolderCheckpoint.fresh("alice", "INBOX", 7, "INBOX", 9));
    SyncBatch to5 = new SyncBatch("alice", "INBOX", 7, List.of(), List.of(), List.of(), Map.of(),
        List.of(), OptionalLong.of(5));
    SyncBatch to3 = new SyncBatch("alice", "INBOX", 7, List.of(), List.of(), List.of(), Map.of(),
        List.of(), OptionalLong.of(3));

    store.commit(to5);
    store.commit(to3);

    assertThat(store.checkpoint("alice", "INBOX")).get().extracting(FolderCheckpoint::lastUid)
        .isEqualTo(5L);
  }

  @Test
  void commit_flagUpdatesAndUnmapping_applied() {
    store.commit(mappings("INBOX", mapping("INBOX", 1, 11), mapping("INBOX", 2, 12)));

    store.commit(new SyncBatch("alice", "INBOX", 7, List.of(), List.of(), List.of(),
        Map.of(1L, Set.of("\\Flagged")), List.of(2L), OptionalLong.empty()));

    assertThat(store.mappings("alice", "INBOX", 7)).singleElement().satisfies(m -> {
      assertThat(m.sourceUid()).isEqualTo(1);
      assertThat(m.flags()).containsExactly("\\Flagged");
    });
  }

  @Test
  void purgeStale_sourceUidValidityChanged_dropsCheckpointMappingsIntentsAndSkips() {
    // given
    FolderCheckpoint old = FolderCheckpoint.fresh("alice", "INBOX", 7, "INBOX", 9);
    store.saveCheckpoint(old);
    store.commit(new SyncBatch("alice", "INBOX", 7, List.of(mapping("INBOX", 1, 11)), List.of(),
        List.of(new SkipRecord("alice", "INBOX", 7, 2, 10, Optional.of(Instant.EPOCH),
            "OVER_PLAN_LIMIT", "too big")), Map.of(), List.of(), OptionalLong.empty()));
    store.addIntent(new AppendIntent(0, "alice", "INBOX", 7, 3, "INBOX", 9, 12, 10, "cd"));
    store.commit(mappings("Sent", mapping("Sent", 1, 1)));

    // when
    PurgeResult purged = store.purgeStale("alice", "INBOX", 8, "INBOX", 9);

    // then
    assertThat(purged).isEqualTo(new PurgeResult(Optional.of(old), 1, 1, 1));
    assertThat(store.checkpoint("alice", "INBOX")).isEmpty();
    assertThat(store.mappings("alice", "INBOX", 7)).isEmpty();
    assertThat(store.skipped("alice", "INBOX")).isEmpty();
    assertThat(store.mappings("alice", "Sent", 7)).hasSize(1);
  }

  @Test
  void purgeStale_sameIdentities_keepsEverything() {
    FolderCheckpoint cp = FolderCheckpoint.fresh("alice", "INBOX", 7, "INBOX", 9);
    store.saveCheckpoint(cp);
    store.commit(mappings("INBOX", mapping("INBOX", 1, 11)));

    PurgeResult purged = store.purgeStale("alice", "INBOX", 7, "INBOX", 9);

    assertThat(purged).isEqualTo(new PurgeResult(Optional.empty(), 0, 0, 0));
    assertThat(store.checkpoint("alice", "INBOX")).contains(cp);
  }

  @Test
  void saveCheckpoint_allFields_roundTrip() {
    FolderCheckpoint cp = new FolderCheckpoint("alice", "INBOX", 7, "Inbox", 9, 41, 42, 40,
        OptionalLong.of(1234), Optional.of(Instant.parse("2026-01-02T03:04:05Z")), 40, 4096);

    store.saveCheckpoint(cp);

    assertThat(store.checkpoint("alice", "INBOX")).contains(cp);
    assertThat(store.checkpoints("alice")).containsExactly(cp);
  }

  @Test
  void rejectedKeywords_recordedTwice_keptOnce() {
    store.recordRejectedKeywords("alice", "INBOX", Set.of("$Junk", "NonJunk"));
    store.recordRejectedKeywords("alice", "INBOX", Set.of("$Junk"));

    assertThat(store.rejectedKeywords("alice", "INBOX")).containsExactly("$Junk", "NonJunk");
  }

  private static SyncBatch skips(String account, String folder, long... sizes) {
    List<SkipRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      records.add(new SkipRecord(account, folder, 7, i + 1, sizes[i], Optional.empty(),
          "OVER_PLAN_LIMIT", "too big"));
    }
    return new SyncBatch(account, folder, 7, List.of(), List.of(), records, Map.of(), List.of(),
        OptionalLong.empty());
  }

  @Test
  void skipTotal_recordsInSeveralFolders_countsThoseStatusListsInOneQuery() {
    // given: two checkpointed folders of alice, one folder without a checkpoint, bob's records
    store.saveCheckpoint(FolderCheckpoint.fresh("alice", "INBOX", 7, "INBOX", 9));
    store.saveCheckpoint(FolderCheckpoint.fresh("alice", "Sent", 7, "Sent", 9));
    store.saveCheckpoint(FolderCheckpoint.fresh("bob", "INBOX", 7, "INBOX", 9));
    store.commit(skips("alice", "INBOX", 100, 200));
    store.commit(skips("alice", "Sent", 50));
    store.commit(skips("alice", "Drafts", 1_000));
    store.commit(skips("bob", "INBOX", 7));

    // when
    SkipTotal total = store.skipTotal("alice");

    // then: the same as the records status reads folder by folder
    SyncStore generic = new SetAsideSyncStore(store, Set.of());
    assertThat(total).isEqualTo(new SkipTotal(3, 350)).isEqualTo(generic.skipTotal("alice"));
    assertThat(store.skipTotal("carol")).isEqualTo(SkipTotal.NONE);
  }
}
