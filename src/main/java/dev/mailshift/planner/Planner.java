package dev.mailshift.planner;

import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
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
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * The pure function (plan, phase, observations) to change set. No I/O, no clock. Steps come in
 * the phase's order; within an account: preflight, folder creations (parents before children),
 * syncs, subscriptions, verification. DNS steps come from the {@link DnsPlanner}, where the phase
 * puts them.
 */
public final class Planner {

  public ChangeSet plan(
      String planName, String planSha256, Phase phase, List<AccountObservation> observations) {
    return plan(planName, planSha256, phase, observations, Optional.empty());
  }

  /**
   * The change set of a phase with DNS steps: the steps run in segments, consecutive account
   * steps for every account, consecutive DNS steps from {@code dns} in its order.
   */
  public ChangeSet plan(String planName, String planSha256, Phase phase,
      List<AccountObservation> observations, Optional<DnsPlan> dns) {
    List<Change> changes = new ArrayList<>();
    for (List<StepKind> segment : segments(phase.steps())) {
      if (segment.get(0).isDns()) {
        dns.ifPresent(d -> d.changes().stream().filter(c -> segment.contains(stepOf(c)))
            .forEach(changes::add));
      } else {
        for (AccountObservation o : observations) {
          changes.addAll(planAccount(segment, o));
        }
      }
    }
    List<FolderFingerprint> fingerprints = new ArrayList<>();
    for (AccountObservation o : observations) {
      o.folderMap().migrated().forEach(f -> {
        Long v = o.sourceUidValidity().get(f.sourceFolder());
        if (v != null) {
          fingerprints.add(new FolderFingerprint(o.account(), f.sourceFolder(), v));
        }
      });
    }
    return new ChangeSet(planName, planSha256, phase.name(), changes, fingerprints,
        dns.map(DnsPlan::fingerprints).orElse(List.of()));
  }

  /** The steps of one account for one phase. */
  public List<Change> planAccount(Phase phase, AccountObservation o) {
    return planAccount(phase.steps(), o);
  }

  private static List<Change> planAccount(List<StepKind> steps, AccountObservation o) {
    List<Change> out = new ArrayList<>();
    for (StepKind step : steps) {
      switch (step) {
        case PREFLIGHT -> out.add(new Preflight(o.account(), o.findings()));
        case SYNC -> out.addAll(syncSteps(o));
        case VALIDATE -> out.add(new VerifyAccount(o.account()));
        case DNS_TTL, DNS_AUTH, DNS_MX, DNS_RESTORE_TTL, DNS_VALIDATE -> { } // zone-wide
      }
    }
    return out;
  }

  /** The phase's steps cut where they switch between account steps and DNS steps. */
  static List<List<StepKind>> segments(List<StepKind> steps) {
    List<List<StepKind>> out = new ArrayList<>();
    for (StepKind step : steps) {
      if (out.isEmpty() || out.getLast().get(0).isDns() != step.isDns()) {
        out.add(new ArrayList<>());
      }
      out.getLast().add(step);
    }
    return out;
  }

  /** The DNS step a DNS change belongs to. */
  static StepKind stepOf(Change c) {
    return switch (c) {
      case SetDnsRecords s -> StepKind.fromYaml(s.purpose().step()).orElseThrow();
      case CheckDns d -> StepKind.DNS_VALIDATE;
      default -> throw new IllegalArgumentException("not a DNS change: " + c.id());
    };
  }

  private static List<Change> syncSteps(AccountObservation o) {
    List<MappedFolder> migrated = o.folderMap().migrated().stream()
        .sorted((a, b) -> a.destinationFolder().compareTo(b.destinationFolder()))
        .toList();
    List<Change> out = new ArrayList<>();
    // merged folders share one destination folder: create and subscribe it once
    Set<String> created = new HashSet<>();
    for (MappedFolder f : migrated) {
      if (!f.destinationExists() && created.add(f.destinationFolder())) {
        out.add(new CreateFolder(o.account(), f.sourceFolder(), f.destinationFolder(), f.reason(),
            f.createWithRole().orElse("")));
      }
    }
    for (MappedFolder f : migrated) {
      out.add(syncStep(o, f));
    }
    Set<String> subscribed = new HashSet<>();
    for (MappedFolder f : migrated) {
      if (f.subscribe() && subscribed.add(f.destinationFolder())) {
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
