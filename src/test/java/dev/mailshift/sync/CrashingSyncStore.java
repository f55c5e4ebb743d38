package dev.mailshift.sync;

import dev.mailshift.state.AppendIntent;
import dev.mailshift.state.FolderCheckpoint;
import dev.mailshift.state.PurgeResult;
import dev.mailshift.state.SkipRecord;
import dev.mailshift.state.SyncBatch;
import dev.mailshift.state.SyncStore;
import dev.mailshift.state.UidMapping;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A real store whose writes are numbered in the {@link Faults} sequence, to crash around them. */
final class CrashingSyncStore implements SyncStore {
  private final SyncStore delegate;
  private final Faults faults;

  CrashingSyncStore(SyncStore delegate, Faults faults) {
    this.delegate = delegate;
    this.faults = faults;
  }

  @Override
  public Optional<FolderCheckpoint> checkpoint(String account, String sourceFolder) {
    return delegate.checkpoint(account, sourceFolder);
  }

  @Override
  public List<FolderCheckpoint> checkpoints(String account) {
    return delegate.checkpoints(account);
  }

  @Override
  public void saveCheckpoint(FolderCheckpoint checkpoint) {
    faults.around(() -> delegate.saveCheckpoint(checkpoint));
  }

  @Override
  public PurgeResult purgeStale(String account, String sourceFolder, long sourceUidValidity,
      String destinationFolder, long destinationUidValidity) {
    return faults.around(() -> delegate.purgeStale(account, sourceFolder, sourceUidValidity,
        destinationFolder, destinationUidValidity));
  }

  @Override
  public List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity) {
    return delegate.mappings(account, sourceFolder, sourceUidValidity);
  }

  @Override
  public Set<Long> mappedDestinationUids(String account, String destinationFolder,
      long destinationUidValidity) {
    return delegate.mappedDestinationUids(account, destinationFolder, destinationUidValidity);
  }

  @Override
  public long addIntent(AppendIntent intent) {
    return faults.around(() -> delegate.addIntent(intent));
  }

  @Override
  public List<Long> addIntents(List<AppendIntent> intents) {
    return faults.around(() -> delegate.addIntents(intents));
  }

  @Override
  public List<AppendIntent> intents(String account, String sourceFolder) {
    return delegate.intents(account, sourceFolder);
  }

  @Override
  public void commit(SyncBatch batch) {
    faults.around(() -> delegate.commit(batch));
  }

  @Override
  public List<SkipRecord> skipped(String account, String sourceFolder) {
    return delegate.skipped(account, sourceFolder);
  }

  @Override
  public void forgetSkips(String account, String sourceFolder, long sourceUidValidity,
      java.util.Collection<Long> sourceUids) {
    faults.around(() -> delegate.forgetSkips(account, sourceFolder, sourceUidValidity,
        sourceUids));
  }

  @Override
  public void recordRejectedKeywords(String account, String destinationFolder,
      Set<String> keywords) {
    faults.around(() -> delegate.recordRejectedKeywords(account, destinationFolder, keywords));
  }

  @Override
  public Set<String> rejectedKeywords(String account, String destinationFolder) {
    return delegate.rejectedKeywords(account, destinationFolder);
  }
}
