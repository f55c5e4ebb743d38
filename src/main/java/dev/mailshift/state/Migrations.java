package dev.mailshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ordered schema migrations. A migration is never edited once released: a change is a new
 * entry at the end. {@code schema_version} holds one row per applied migration.
 */
final class Migrations {
  record Migration(int version, String description, List<String> statements) {}

  static final List<Migration> ALL = List.of(
      new Migration(1, "runs, journal, folder checkpoints, uid map, append intents, skips", List.of(
          """
          CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_name TEXT NOT NULL, plan_sha256 TEXT NOT NULL, phase TEXT NOT NULL,
            command TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
            outcome TEXT NOT NULL, summary TEXT)""",
          """
          CREATE TABLE journal (
            entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            step_id TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL,
            rollback_json TEXT, status TEXT NOT NULL, detail_json TEXT,
            started_at TEXT NOT NULL, finished_at TEXT)""",
          "CREATE INDEX journal_by_step ON journal(step_id, entry_id)",
          "CREATE INDEX journal_by_run ON journal(run_id, entry_id)",
          """
          CREATE TABLE folder_checkpoint (
            account TEXT NOT NULL, source_folder TEXT NOT NULL,
            source_uidvalidity INTEGER NOT NULL, destination_folder TEXT NOT NULL,
            destination_uidvalidity INTEGER NOT NULL, last_uid INTEGER NOT NULL,
            uid_next INTEGER NOT NULL, messages INTEGER NOT NULL, highest_modseq INTEGER,
            synced_at TEXT, messages_synced INTEGER NOT NULL, bytes_synced INTEGER NOT NULL,
            PRIMARY KEY (account, source_folder))""",
          """
          CREATE TABLE uid_map (
            account TEXT NOT NULL, source_folder TEXT NOT NULL,
            source_uidvalidity INTEGER NOT NULL, source_uid INTEGER NOT NULL,
            destination_folder TEXT NOT NULL, destination_uidvalidity INTEGER NOT NULL,
            destination_uid INTEGER NOT NULL, size INTEGER NOT NULL, sha256 TEXT,
            flags TEXT NOT NULL,
            PRIMARY KEY (account, source_folder, source_uidvalidity, source_uid),
            UNIQUE (account, destination_folder, destination_uidvalidity, destination_uid))""",
          """
          CREATE TABLE append_intent (
            intent_id INTEGER PRIMARY KEY AUTOINCREMENT,
            account TEXT NOT NULL, source_folder TEXT NOT NULL,
            source_uidvalidity INTEGER NOT NULL, source_uid INTEGER NOT NULL,
            destination_folder TEXT NOT NULL, destination_uidvalidity INTEGER NOT NULL,
            destination_uid_next INTEGER NOT NULL, size INTEGER NOT NULL,
            sha256 TEXT NOT NULL, created_at TEXT NOT NULL)""",
          "CREATE INDEX append_intent_by_folder ON append_intent(account, source_folder)",
          """
          CREATE TABLE skipped_message (
            account TEXT NOT NULL, source_folder TEXT NOT NULL,
            source_uidvalidity INTEGER NOT NULL, source_uid INTEGER NOT NULL,
            size INTEGER NOT NULL, internal_date TEXT, reason TEXT NOT NULL,
            detail TEXT NOT NULL, recorded_at TEXT NOT NULL,
            PRIMARY KEY (account, source_folder, source_uidvalidity, source_uid))""",
          """
          CREATE TABLE rejected_keyword (
            account TEXT NOT NULL, destination_folder TEXT NOT NULL, keyword TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (account, destination_folder, keyword))""")),
      new Migration(2, "plan files that passed the JSON Schema", List.of(
          """
          CREATE TABLE validated_plan (
            plan_sha256 TEXT NOT NULL, schema_sha256 TEXT NOT NULL, validated_at TEXT NOT NULL,
            PRIMARY KEY (plan_sha256, schema_sha256))""")),
      new Migration(3, "DNS TTL lowerings, for the wait before the MX switch", List.of(
          """
          CREATE TABLE dns_ttl_lowering (
            lowering_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            zone TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            served_ttl INTEGER NOT NULL, wait_seconds INTEGER NOT NULL, basis TEXT NOT NULL,
            lowered_at TEXT NOT NULL)""",
          "CREATE INDEX dns_ttl_lowering_by_zone ON dns_ttl_lowering(zone, name, type)")),
      new Migration(4, "the source and destination mailboxes each account's state describes",
          List.of(
          """
          CREATE TABLE account_binding (
            account TEXT PRIMARY KEY,
            source_scheme TEXT NOT NULL, source_host TEXT NOT NULL,
            source_port INTEGER NOT NULL, source_user TEXT NOT NULL,
            destination_scheme TEXT NOT NULL, destination_host TEXT NOT NULL,
            destination_port INTEGER NOT NULL, destination_user TEXT NOT NULL,
            bound_at TEXT NOT NULL)""",
          """
          CREATE TABLE account_rebinding (
            rebinding_id INTEGER PRIMARY KEY AUTOINCREMENT,
            account TEXT NOT NULL,
            old_source_scheme TEXT, old_source_host TEXT, old_source_port INTEGER,
            old_source_user TEXT, old_destination_scheme TEXT, old_destination_host TEXT,
            old_destination_port INTEGER, old_destination_user TEXT,
            new_source_scheme TEXT NOT NULL, new_source_host TEXT NOT NULL,
            new_source_port INTEGER NOT NULL, new_source_user TEXT NOT NULL,
            new_destination_scheme TEXT NOT NULL, new_destination_host TEXT NOT NULL,
            new_destination_port INTEGER NOT NULL, new_destination_user TEXT NOT NULL,
            checkpoints INTEGER NOT NULL, mappings INTEGER NOT NULL, intents INTEGER NOT NULL,
            skips INTEGER NOT NULL, rebound_at TEXT NOT NULL)""",
          "CREATE INDEX account_rebinding_by_account ON account_rebinding(account, rebinding_id)")));

  private Migrations() {}

  static int latest() {
    return ALL.getLast().version();
  }

  /** Brings the schema to {@link #latest()}; refuses a file written by a newer build. */
  static void migrate(Database db) {
    int current = db.transaction(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      }
      return currentVersion(c);
    });
    if (current > latest()) {
      throw new StateException("state file " + db.file() + " has schema version " + current
          + " but this mailshift knows only up to " + latest()
          + ": use the mailshift version that wrote it, or a newer one");
    }
    for (Migration m : ALL) {
      if (m.version() > current) {
        db.transaction(c -> apply(c, m, db.now()));
      }
    }
  }

  static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static Void apply(Connection c, Migration m, String now) throws SQLException {
    // Re-check inside the transaction: another process may have migrated meanwhile.
    if (currentVersion(c) >= m.version()) {
      return null;
    }
    try (Statement s = c.createStatement()) {
      for (String sql : m.statements()) {
        s.execute(sql);
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)")) {
      p.setInt(1, m.version());
      p.setString(2, m.description());
      p.setString(3, now);
      p.executeUpdate();
    }
    return null;
  }
}
