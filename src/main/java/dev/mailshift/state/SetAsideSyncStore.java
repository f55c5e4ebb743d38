package dev.mailshift.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SyncStore} in which some accounts have no sync state: reads for them find nothing,
 * writes for them are refused (their state is to be rebound first, see {@link Bindings#bind}).
 * Other accounts pass through.
 */
final class SetAsideSyncStore implements SyncStore {
  private final SyncStore store;
  private final Set<String> accounts;

  SetAsideSyncStore(SyncStore store, Set<String> accounts) {
    this.store = store;
    this.accounts = Set.copyOf(accounts);
  }

  private boolean aside(String account) {
    return accounts.contains(account);
  }

  private void refuseWrite(String account) {
    if (aside(account)) {
      throw new IllegalStateException("the sync state of " + account + " describes other"
          + " mailboxes and is set aside: bind it before writing");
    }
  }

  @Override
  public Optional<FolderCheckpoint> checkpoint(String account, String sourceFolder) {
    return aside(account) ? Optional.empty() : store.checkpoint(account, sourceFolder);
  }

  @Override
  public List<FolderCheckpoint> checkpoints(String account) {
    return aside(account) ? List.of() : store.checkpoints(account);
  }

  @Override
  public void saveCheckpoint(FolderCheckpoint checkpoint) {
    refuseWrite(checkpoint.account());
    store.saveCheckpoint(checkpoint);
  }

  @Override
  public PurgeResult purgeStale(String account, String sourceFolder, long sourceUidValidity,
      String destinationFolder, long destinationUidValidity) {
    refuseWrite(account);
    return store.purgeStale(account, sourceFolder, sourceUidValidity, destinationFolder,
        destinationUidValidity);
  }

  @Override
  public List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity) {
    return aside(account) ? List.of() : store.mappings(account, sourceFolder, sourceUidValidity);
  }

  @Override
  public Set<Long> mappedSourceUids(String account, String sourceFolder, long sourceUidValidity,
      long aboveUid) {
    return aside(account) ? Set.of()
        : store.mappedSourceUids(account, sourceFolder, sourceUidValidity, aboveUid);
  }

  @Override
  public List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity,
      Collection<Long> sourceUids) {
    return aside(account) ? List.of()
        : store.mappings(account, sourceFolder, sourceUidValidity, sourceUids);
  }

  @Override
  public MappingTotals mappingTotals(String account, String sourceFolder,
      long sourceUidValidity) {
    return aside(account) ? new MappingTotals(0, 0)
        : store.mappingTotals(account, sourceFolder, sourceUidValidity);
  }

  @Override
  public Set<Long> mappedDestinationUids(String account, String destinationFolder,
      long destinationUidValidity) {
    return aside(account) ? Set.of()
        : store.mappedDestinationUids(account, destinationFolder, destinationUidValidity);
  }

  @Override
  public long addIntent(AppendIntent intent) {
    refuseWrite(intent.account());
    return store.addIntent(intent);
  }

  @Override
  public List<Long> addIntents(List<AppendIntent> intents) {
    intents.forEach(i -> refuseWrite(i.account()));
    return store.addIntents(intents);
  }

  @Override
  public List<AppendIntent> intents(String account, String sourceFolder) {
    return aside(account) ? List.of() : store.intents(account, sourceFolder);
  }

  @Override
  public void commit(SyncBatch batch) {
    refuseWrite(batch.account());
    store.commit(batch);
  }

  @Override
  public List<SkipRecord> skipped(String account, String sourceFolder) {
    return aside(account) ? List.of() : store.skipped(account, sourceFolder);
  }

  @Override
  public void forgetSkips(String account, String sourceFolder, long sourceUidValidity,
      Collection<Long> sourceUids) {
    refuseWrite(account);
    store.forgetSkips(account, sourceFolder, sourceUidValidity, sourceUids);
  }

  @Override
  public void recordRejectedKeywords(String account, String destinationFolder,
      Set<String> keywords) {
    refuseWrite(account);
    store.recordRejectedKeywords(account, destinationFolder, keywords);
  }

  @Override
  public Set<String> rejectedKeywords(String account, String destinationFolder) {
    return aside(account) ? Set.of() : store.rejectedKeywords(account, destinationFolder);
  }
}
