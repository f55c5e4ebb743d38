package dev.mailshift.apply;

import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
      SideInventory s = Observer.sourceInventory(source.get());
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
      List<FolderNameRefusedException.Refusal> refused = new ArrayList<>();
      Set<String> probed = new HashSet<>();
      Set<String> refusedNames = new HashSet<>();
      for (MappedFolder f : map.migrated()) {
        FolderStatus known = sourceAll.get(f.sourceFolder());
        if (withStatuses || diffs != null) {
          Optional<FolderStatus> st = known != null ? Optional.of(known)
              : sourceStatus(source.get(), f, refused);
          if (st.isEmpty()) {
            continue;
          }
          uidValidity.put(f.sourceFolder(), st.get().uidValidity());
        }
        if (!f.destinationExists() && probed.add(f.destinationFolder())) {
          probeNewName(destination.get(), f).ifPresent(r -> {
            refused.add(r);
            refusedNames.add(f.destinationFolder());
          });
        }
        if (refusedNames.contains(f.destinationFolder())) {
          continue;
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
      if (!refused.isEmpty()) {
        throw new FolderNameRefusedException(target.id(), refused);
      }
      return new Scanned(new AccountObservation(target.id(), map, uidValidity,
          findings(s.info(), d.info(), target.rules()), folderDiffs, gmail), observed);
    } finally {
      source.release(healthy);
      destination.release(healthy);
    }
  }


  /**
   * STATUS of a source folder; a NO to its name (a folder the source lists but will not open,
   * e.g. Dovecot's "Invalid mailbox name: Has adjacent hierarchy separators" for a Maildir++
   * directory with an empty level) is added to {@code refused} instead of ending the scan.
   */
  private static Optional<FolderStatus> sourceStatus(ImapSession session, MappedFolder f,
      List<FolderNameRefusedException.Refusal> refused) {
    try {
      return Optional.of(session.status(f.sourceFolder()));
    } catch (ImapException e) {
      if (!FolderNameRefusedException.refusesName(e)) {
        throw e;
      }
      refused.add(new FolderNameRefusedException.Refusal(true, f.sourceFolder(),
          f.logicalName(), f.destinationFolder(), "STATUS", FolderNameRefusedException.words(e)));
      return Optional.empty();
    }
  }

  /**
   * A name about to be created, tried with STATUS (read-only): "no such folder" is the answer
   * for a name the server would accept; another NO (Dovecot with LAYOUT=fs: "[CANNOT] Invalid
   * mailbox name: Contains reserved name" for a level named new, cur or tmp) means CREATE would
   * fail after other folders were made, so {@code plan} and {@code apply} stop before any change
   * instead. Not every refusal shows: Dovecot 2.3 answers STATUS of a level over 255 bytes with
   * an earlier error of the session ("Mailbox doesn't exist: INBOX") and refuses only CREATE.
   */
  private static Optional<FolderNameRefusedException.Refusal> probeNewName(ImapSession session,
      MappedFolder f) {
    try {
      session.status(f.destinationFolder());
      return Optional.empty();
    } catch (ImapException e) {
      if (e.kind() == ImapException.Kind.NO_SUCH_FOLDER) {
        return Optional.empty();
      }
      if (!FolderNameRefusedException.refusesName(e)) {
        throw e;
      }
      return Optional.of(new FolderNameRefusedException.Refusal(false, f.sourceFolder(),
          f.logicalName(), f.destinationFolder(), "STATUS", FolderNameRefusedException.words(e)));
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
