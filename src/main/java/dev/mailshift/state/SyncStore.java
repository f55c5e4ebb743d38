package dev.mailshift.state;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the sync engine keeps between runs, per (account, source folder). Every method is atomic;
 * {@link #commit} applies a whole {@link SyncBatch} in one transaction. Implementations are safe
 * for use by several worker threads.
 */
public interface SyncStore {
  Optional<FolderCheckpoint> checkpoint(String account, String sourceFolder);

  /** All checkpoints of an account, by source folder. */
  List<FolderCheckpoint> checkpoints(String account);

  /** Inserts or replaces the folder's checkpoint. */
  void saveCheckpoint(FolderCheckpoint checkpoint);

  /**
   * Drops the folder's checkpoint, mappings, intents and skip records that belong to other folder
   * identities than these (a UIDVALIDITY changed, or the destination folder did): they no longer
   * describe real messages.
   */
  PurgeResult purgeStale(String account, String sourceFolder, long sourceUidValidity,
      String destinationFolder, long destinationUidValidity);

  /** The folder's mappings for this source UIDVALIDITY, by source UID. */
  List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity);

  /** The source UIDs above {@code aboveUid} that have a mapping (for this UIDVALIDITY). */
  default Set<Long> mappedSourceUids(String account, String sourceFolder, long sourceUidValidity,
      long aboveUid) {
    Set<Long> out = new java.util.HashSet<>();
    mappings(account, sourceFolder, sourceUidValidity).stream()
        .filter(m -> m.sourceUid() > aboveUid).forEach(m -> out.add(m.sourceUid()));
    return out;
  }

  /** The mappings of these source UIDs (those that have one), by source UID. */
  default List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity,
      java.util.Collection<Long> sourceUids) {
    Set<Long> wanted = Set.copyOf(sourceUids);
    return mappings(account, sourceFolder, sourceUidValidity).stream()
        .filter(m -> wanted.contains(m.sourceUid())).toList();
  }

  /** How many messages of the folder are mapped, and their bytes. */
  record MappingTotals(long messages, long bytes) {}

  default MappingTotals mappingTotals(String account, String sourceFolder,
      long sourceUidValidity) {
    List<UidMapping> all = mappings(account, sourceFolder, sourceUidValidity);
    return new MappingTotals(all.size(), all.stream().mapToLong(UidMapping::size).sum());
  }

  /** Destination UIDs already taken by a mapping from any source folder of the account. */
  Set<Long> mappedDestinationUids(String account, String destinationFolder,
      long destinationUidValidity);

  /** Stores an intent durably (its own transaction) and returns its id. */
  long addIntent(AppendIntent intent);

  /**
   * Stores several intents durably in one transaction (one fsync for a whole chunk of messages
   * whose bodies are already fetched) and returns their ids in order.
   */
  List<Long> addIntents(List<AppendIntent> intents);

  List<AppendIntent> intents(String account, String sourceFolder);

  void commit(SyncBatch batch);

  List<SkipRecord> skipped(String account, String sourceFolder);

  /**
   * The skip records of {@code account} in its checkpointed folders (those {@code status} lists),
   * counted and summed without holding them: the end of an apply of many accounts totals them.
   */
  default SkipTotal skipTotal(String account) {
    SkipTotal total = SkipTotal.NONE;
    for (FolderCheckpoint cp : checkpoints(account)) {
      for (SkipRecord r : skipped(account, cp.sourceFolder())) {
        total = total.plus(new SkipTotal(1, r.size()));
      }
    }
    return total;
  }

  /**
   * Drops the skip records of these source UIDs (of this UIDVALIDITY), in one transaction: their
   * messages were expunged on the source, so they are no longer "not copied". A UID is never
   * given to another message of the same UIDVALIDITY (RFC 3501 2.3.1.1), so a dropped record can
   * never be needed again; dropping it only changes the report.
   */
  void forgetSkips(String account, String sourceFolder, long sourceUidValidity,
      java.util.Collection<Long> sourceUids);

  void recordRejectedKeywords(String account, String destinationFolder, Set<String> keywords);

  Set<String> rejectedKeywords(String account, String destinationFolder);
}
