package dev.mailshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs and their per-step journal. Each call is one transaction. */
public final class RunJournal {
  private final Database db;

  RunJournal(Database db) {
    this.db = db;
  }

  /** Records a new run as RUNNING and returns its id. Take the {@link RunLock} first. */
  public long startRun(String planName, String planSha256, String phase, String command) {
    return db.transaction(c -> insert(c,
        "INSERT INTO runs(plan_name, plan_sha256, phase, command, started_at, outcome)"
            + " VALUES (?, ?, ?, ?, ?, 'RUNNING')",
        planName, planSha256, phase, command, db.now()));
  }

  public void finishRun(long runId, RunOutcome outcome, String summary) {
    if (outcome == RunOutcome.RUNNING) {
      throw new IllegalArgumentException("a finished run cannot be RUNNING");
    }
    db.transaction(c -> update(c, "UPDATE runs SET outcome = ?, summary = ?, finished_at = ?"
        + " WHERE run_id = ?", outcome.name(), summary, db.now(), runId));
  }

  /** Journals a step before it acts; returns the entry id for {@link #journalFinish}. */
  public long journalStart(long runId, String stepId, String kind, String summaryText,
      String rollbackJson) {
    return db.transaction(c -> insert(c,
        "INSERT INTO journal(run_id, step_id, kind, summary, rollback_json, status, started_at)"
            + " VALUES (?, ?, ?, ?, ?, 'STARTED', ?)",
        runId, stepId, kind, summaryText, rollbackJson, db.now()));
  }

  public void journalFinish(long entryId, StepStatus status, String detailJson) {
    if (status == StepStatus.STARTED) {
      throw new IllegalArgumentException("a finished step cannot be STARTED");
    }
    db.transaction(c -> update(c, "UPDATE journal SET status = ?, detail_json = ?,"
        + " finished_at = ? WHERE entry_id = ?", status.name(), detailJson, db.now(), entryId));
  }

  /**
   * Drops an entry's rollback record: the step turned out to change nothing (a refused update),
   * so there is nothing to undo.
   */
  public void clearRollback(long entryId) {
    db.transaction(c -> update(c, "UPDATE journal SET rollback_json = NULL WHERE entry_id = ?",
        entryId));
  }

  /** Every entry that carries a rollback record, in the order the steps were started. */
  public List<JournalEntry> rollbackEntries() {
    return entries("SELECT * FROM journal WHERE rollback_json IS NOT NULL ORDER BY entry_id");
  }

  /** One run, if it exists. */
  public Optional<RunRecord> run(long runId) {
    return runs(Integer.MAX_VALUE).stream().filter(r -> r.runId() == runId).findFirst();
  }

  /** The newest runs first. */
  public List<RunRecord> runs(int limit) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT * FROM runs ORDER BY run_id DESC LIMIT ?")) {
        p.setInt(1, limit);
        List<RunRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new RunRecord(rs.getLong("run_id"), rs.getString("plan_name"),
                rs.getString("plan_sha256"), rs.getString("phase"), rs.getString("command"),
                Instant.parse(rs.getString("started_at")), instant(rs, "finished_at"),
                RunOutcome.valueOf(rs.getString("outcome")),
                Optional.ofNullable(rs.getString("summary"))));
          }
        }
        return out;
      }
    });
  }

  /** A run's entries in the order they were started. */
  public List<JournalEntry> journal(long runId) {
    return entries("SELECT * FROM journal WHERE run_id = ? ORDER BY entry_id", runId);
  }

  /** The newest entry of every step id ever journalled, keyed by step id, in step-first-seen order. */
  public Map<String, JournalEntry> latestByStep() {
    Map<String, JournalEntry> out = new LinkedHashMap<>();
    for (JournalEntry e : entries("SELECT * FROM journal WHERE entry_id IN"
        + " (SELECT max(entry_id) FROM journal GROUP BY step_id) ORDER BY entry_id")) {
      out.put(e.stepId(), e);
    }
    return out;
  }

  /** Marks every RUNNING run (and its STARTED entries) INTERRUPTED; called under the run lock. */
  int markInterrupted() {
    return db.transaction(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE journal SET status = 'FAILED', detail_json ="
            + " '{\"interrupted\":true}' WHERE status = 'STARTED'"
            + " AND run_id IN (SELECT run_id FROM runs WHERE outcome = 'RUNNING')");
      }
      return update(c, "UPDATE runs SET outcome = 'INTERRUPTED', finished_at = ?,"
          + " summary = coalesce(summary, 'killed or crashed before it finished')"
          + " WHERE outcome = 'RUNNING'", db.now());
    });
  }

  private List<JournalEntry> entries(String sql, Object... args) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, sql, args); ResultSet rs = p.executeQuery()) {
        List<JournalEntry> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new JournalEntry(rs.getLong("entry_id"), rs.getLong("run_id"),
              rs.getString("step_id"), rs.getString("kind"), rs.getString("summary"),
              Optional.ofNullable(rs.getString("rollback_json")),
              StepStatus.valueOf(rs.getString("status")),
              Optional.ofNullable(rs.getString("detail_json")),
              Instant.parse(rs.getString("started_at")), instant(rs, "finished_at")));
        }
        return out;
      }
    });
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column)).map(Instant::parse);
  }

  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
    return p;
  }

  private static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args)) {
      p.executeUpdate();
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args)) {
      return p.executeUpdate();
    }
  }
}
