package dev.mailshift.planner;

import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.FolderFingerprint;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.StepKind;
import dev.mailshift.sync.FolderDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure function (plan, phase, observations) to change set. No I/O, no clock. Steps come in
 * the phase's order; within an account: preflight, folder creations (parents before children),
 * syncs, subscriptions, verification.
 */
public final class Planner {

  public ChangeSet plan(
      String planName, String planSha256, Phase phase, List<AccountObservation> observations) {
    List<Change> changes = new ArrayList<>();
    List<FolderFingerprint> fingerprints = new ArrayList<>();
    for (AccountObservation o : observations) {
      changes.addAll(planAccount(phase, o));
      o.folderMap().migrated().forEach(f -> {
        Long v = o.sourceUidValidity().get(f.sourceFolder());
        if (v != null) {
          fingerprints.add(new FolderFingerprint(o.account(), f.sourceFolder(), v));
        }
      });
    }
    return new ChangeSet(planName, planSha256, phase.name(), changes, fingerprints);
  }

  /** The steps of one account for one phase. */
  public List<Change> planAccount(Phase phase, AccountObservation o) {
    List<Change> out = new ArrayList<>();
    for (StepKind step : phase.steps()) {
      switch (step) {
        case PREFLIGHT -> out.add(new Preflight(o.account(), o.findings()));
        case SYNC -> out.addAll(syncSteps(o));
        case VALIDATE -> out.add(new VerifyAccount(o.account()));
      }
    }
    return out;
  }

  private static List<Change> syncSteps(AccountObservation o) {
    List<MappedFolder> migrated = o.folderMap().migrated().stream()
        .sorted((a, b) -> a.destinationFolder().compareTo(b.destinationFolder()))
        .toList();
    List<Change> out = new ArrayList<>();
    for (MappedFolder f : migrated) {
      if (!f.destinationExists()) {
        out.add(new CreateFolder(o.account(), f.sourceFolder(), f.destinationFolder(), f.reason(),
            f.createWithRole().orElse("")));
      }
    }
    for (MappedFolder f : migrated) {
      out.add(syncStep(o, f));
    }
    for (MappedFolder f : migrated) {
      if (f.subscribe()) {
        out.add(new Subscribe(o.account(), f.destinationFolder()));
      }
    }
    return out;
  }

  private static SyncFolder syncStep(AccountObservation o, MappedFolder f) {
    long uidValidity = o.sourceUidValidity().getOrDefault(f.sourceFolder(), 0L);
    FolderDiff d = o.diffs().get(f.sourceFolder());
    if (d == null) {
      return new SyncFolder(o.account(), f.sourceFolder(), f.destinationFolder(), uidValidity,
          -1, -1, -1, -1, -1, -1);
    }
    return new SyncFolder(o.account(), f.sourceFolder(), f.destinationFolder(), uidValidity,
        d.toCopy(), d.bytesToCopy(), d.toAdopt(), d.flagUpdates(), d.toDelete(), d.skipped().size());
  }
}
