package dev.mailshift.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/**
 * The state of one plan: a single SQLite file in WAL mode (busy_timeout set), created with its
 * parent directories and migrated to the current schema on {@link #open}. It holds no secrets.
 * Safe for several threads; each operation is one transaction.
 *
 * <p>Writers take {@link #lock} first: it refuses a second holder with a {@link
 * StateLockedException} naming the first, and marks runs left RUNNING by a killed holder as
 * INTERRUPTED.
 */
public final class StateStore implements AutoCloseable {
  private final Database db;
  private final RunJournal journal;
  private final SqliteSyncStore sync;
  private final DnsStages dns;
  private final Bindings bindings;

  private StateStore(Database db) {
    this.db = db;
    this.journal = new RunJournal(db);
    this.sync = new SqliteSyncStore(db);
    this.dns = new DnsStages(db);
    this.bindings = new Bindings(db);
  }

  public static StateStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /** Opens (creating and migrating as needed) the state file; {@code clock} stamps rows. */
  public static StateStore open(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StateException("cannot create the directory of state file " + file + ": "
          + e.getMessage(), e);
    }
    Database db = Database.open(file, clock);
    try {
      Migrations.migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new StateStore(db);
  }

  /**
   * Takes the run lock on {@code <file>.lock} for {@code command}, then marks runs that a killed
   * holder left RUNNING as INTERRUPTED.
   *
   * @throws StateLockedException when another process or another caller in this JVM holds it
   */
  public RunLock lock(String command) {
    LockHolder me = new LockHolder(ProcessHandle.current().pid(), hostName(), command,
        db.clock.instant());
    RunLock lock = RunLock.acquire(lockFile(), me);
    try {
      journal.markInterrupted();
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  public Path lockFile() {
    return db.file().resolveSibling(db.file().getFileName() + ".lock");
  }

  public Path file() {
    return db.file();
  }

  public int schemaVersion() {
    return db.read(Migrations::currentVersion);
  }

  /** Whether a plan file with these bytes passed this JSON Schema before (see below). */
  public boolean planValidated(String planSha256, String schemaSha256) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM validated_plan"
          + " WHERE plan_sha256 = ? AND schema_sha256 = ?")) {
        p.setString(1, planSha256);
        p.setString(2, schemaSha256);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /**
   * Remembers that the plan file with this SHA-256 passed the JSON Schema with this SHA-256, so
   * later runs of the same file may skip that check.
   */
  public void planPassedValidation(String planSha256, String schemaSha256) {
    db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO validated_plan"
          + "(plan_sha256, schema_sha256, validated_at) VALUES (?, ?, ?)")) {
        p.setString(1, planSha256);
        p.setString(2, schemaSha256);
        p.setString(3, db.now());
        return p.executeUpdate();
      }
    });
  }

  public RunJournal journal() {
    return journal;
  }

  /** The recorded DNS TTL lowerings. */
  public DnsStages dns() {
    return dns;
  }

  /** Checkpoints, UID maps, intents and skips for the sync engine. */
  public SyncStore sync() {
    return sync;
  }

  /** Which mailboxes each account's sync state describes. */
  public Bindings bindings() {
    return bindings;
  }

  /**
   * {@link #sync()} as if {@code accounts} had no sync state: what {@code plan} diffs with for
   * accounts whose state is bound to other mailboxes ({@link BindingCheck#stateUsable()}). Writes
   * for those accounts are refused.
   */
  public SyncStore syncSettingAside(java.util.Set<String> accounts) {
    return accounts.isEmpty() ? sync : new SetAsideSyncStore(sync, accounts);
  }

  @Override
  public void close() {
    db.close();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }
}
