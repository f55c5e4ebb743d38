package dev.mailshift.apply;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.observe.Observer;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.observe.SideInventory;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.FolderMap;
import dev.mailshift.planner.FolderMapper;
import dev.mailshift.planner.GmailLabels;
import dev.mailshift.planner.MappedFolder;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import dev.mailshift.sync.ObservedStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes one account through the pool: both inventories, the folder map, and on request the
 * source UIDVALIDITYs (fingerprints) and per-folder diffs. Reads only; leaves its sessions in the
 * pool for the steps that follow. A dropped connection or a throttling answer (during LOGIN,
 * LIST, STATUS...) starts the account's observation again on new sessions, as often as {@link
 * Retries} allows; a refused login or a TLS failure ends it at once.
 */
public final class AccountScanner {
  private final SessionPool pool;
  private final Retries retries;

  public AccountScanner(SessionPool pool, Retries retries) {
    this.pool = pool;
    this.retries = retries;
  }

  /** Without retries. */
  public AccountScanner(SessionPool pool) {
    this(pool, Retries.NONE);
  }

  /** What {@link #scanWithStatuses} saw: the observation and, per source folder, both STATUS. */
  public record Scanned(AccountObservation observation, Map<String, ObservedStatus> statuses) {
    public Scanned {
      statuses = Map.copyOf(statuses);
    }
  }

  /**
   * @param withStatuses also STATUS every migrated source folder (for a saved plan's fingerprints)
   * @param diffs when not null, compute each migrated folder's diff with it (for {@code plan})
   */
  public AccountObservation scan(AccountTarget target, boolean withStatuses, FolderEngine diffs) {
    return scan(target, withStatuses, diffs, false).observation();
  }

  /**
   * As {@link #scan} without diffs, plus the STATUS of every migrated folder on both sides where
   * the servers answer LIST-STATUS (one round trip per side for the whole account), so that
   * unchanged folders need no session of their own.
   */
  public Scanned scanWithStatuses(AccountTarget target, boolean withStatuses) {
    return scan(target, withStatuses, null, true);
  }

  private Scanned scan(AccountTarget target, boolean withStatuses, FolderEngine diffs,
      boolean listStatus) {
    return retries.get(target.id(), "observe",
        () -> scanOnce(target, withStatuses, diffs, listStatus));
  }

  private Scanned scanOnce(AccountTarget target, boolean withStatuses, FolderEngine diffs,
      boolean listStatus) {
    PooledSessions source = new PooledSessions(pool, target.source());
    PooledSessions destination = new PooledSessions(pool, target.destination());
    boolean healthy = false;
    try {
      SideInventory s = Observer.inventory(source.get());
      SideInventory d = Observer.inventory(destination.get());
      FolderMap map = new FolderMapper(target.rules())
          .map(target.id(), s.info(), s.folders(), d.info(), d.folders());
      Map<String, FolderStatus> sourceAll = listStatus ? source.get().statusAll() : Map.of();
      Map<String, FolderStatus> destinationAll =
          listStatus && !sourceAll.isEmpty() ? destination.get().statusAll() : Map.of();
      GmailLabels gmail = GmailScanner.scan(source.get(), map, target.rules(), s.folders());
      Map<String, Long> uidValidity = new LinkedHashMap<>();
      Map<String, FolderDiff> folderDiffs = new LinkedHashMap<>();
      Map<String, ObservedStatus> observed = new LinkedHashMap<>();
      boolean condstore = s.info().has("CONDSTORE");
      for (MappedFolder f : map.migrated()) {
        FolderStatus known = sourceAll.get(f.sourceFolder());
        if (withStatuses || diffs != null) {
          FolderStatus st = known != null ? known : source.get().status(f.sourceFolder());
          uidValidity.put(f.sourceFolder(), st.uidValidity());
        }
        FolderStatus there = destinationAll.get(f.destinationFolder());
        if (known != null && there != null) {
          observed.put(f.sourceFolder(), new ObservedStatus(known, there, condstore,
              d.info().appendLimit()));
        }
        if (diffs != null) {
          FolderPair pair = new FolderPair(target.id(), f.sourceFolder(), f.destinationFolder());
          folderDiffs.put(f.sourceFolder(),
              diffs.diff(source, destination, pair, gmail.of(f.sourceFolder())));
        }
      }
      healthy = true;
      return new Scanned(new AccountObservation(target.id(), map, uidValidity,
          findings(s.info(), d.info(), target.rules()), folderDiffs, gmail), observed);
    } finally {
      source.release(healthy);
      destination.release(healthy);
    }
  }


  /** What the capabilities mean for this migration, said in plain words. Pure. */
  public static List<String> findings(ServerInfo source, ServerInfo destination,
      FolderRules rules) {
    List<String> out = new ArrayList<>();
    if (rules.gmailLabels() != FolderRules.GmailLabels.FOLDERS && !source.has("X-GM-EXT-1")) {
      out.add("folders.gmail-labels has no effect: the source is not Gmail (no X-GM-EXT-1)");
    }
    if (!destination.has("UIDPLUS")) {
      out.add("destination has no UIDPLUS: copied messages are found again by content (slower)");
    }
    if (!source.has("CONDSTORE")) {
      out.add("source has no CONDSTORE: flag changes are found by fetching all flags of each folder");
    }
    destination.appendLimit().ifPresent(
        l -> out.add("destination accepts messages up to " + l + " bytes (APPENDLIMIT)"));
    return out;
  }
}
