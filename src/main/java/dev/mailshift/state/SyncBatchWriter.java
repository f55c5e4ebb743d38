package dev.mailshift.state;

import static dev.mailshift.state.SqliteSyncStore.encodeFlags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes one batch with one prepared statement per table. */
record SyncBatchWriter(Connection c, String now) {
  private static final String KEY = "account = ? AND source_folder = ? AND source_uidvalidity = ?";

  void write(SyncBatch b) throws SQLException {
    insertMappings(b.newMappings());
    try (PreparedStatement p = c.prepareStatement(
        "DELETE FROM append_intent WHERE intent_id = ?")) {
      for (long id : b.finishedIntents()) {
        p.setLong(1, id);
        p.addBatch();
      }
      p.executeBatch();
    }
    insertSkips(b.skips());
    updateMappings(b);
    if (b.lastUid().isPresent()) {
      try (PreparedStatement p = c.prepareStatement("UPDATE folder_checkpoint SET last_uid ="
          + " max(last_uid, ?) WHERE " + KEY)) {
        p.setLong(1, b.lastUid().getAsLong());
        p.setString(2, b.account());
        p.setString(3, b.sourceFolder());
        p.setLong(4, b.sourceUidValidity());
        p.executeUpdate();
      }
    }
  }

  private void updateMappings(SyncBatch b) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE uid_map SET flags = ? WHERE " + KEY + " AND source_uid = ?")) {
      for (Map.Entry<Long, Set<String>> e : b.flagUpdates().entrySet()) {
        bindKey(p, encodeFlags(e.getValue()), b, e.getKey());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement(
        "DELETE FROM uid_map WHERE " + KEY + " AND source_uid = ?")) {
      for (long uid : b.unmappedSourceUids()) {
        p.setString(1, b.account());
        p.setString(2, b.sourceFolder());
        p.setLong(3, b.sourceUidValidity());
        p.setLong(4, uid);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void bindKey(PreparedStatement p, String flags, SyncBatch b, long uid)
      throws SQLException {
    p.setString(1, flags);
    p.setString(2, b.account());
    p.setString(3, b.sourceFolder());
    p.setLong(4, b.sourceUidValidity());
    p.setLong(5, uid);
  }

  private void insertMappings(List<UidMapping> mappings) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO uid_map(account, source_folder,"
        + " source_uidvalidity, source_uid, destination_folder, destination_uidvalidity,"
        + " destination_uid, size, sha256, flags) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      for (UidMapping m : mappings) {
        p.setString(1, m.account());
        p.setString(2, m.sourceFolder());
        p.setLong(3, m.sourceUidValidity());
        p.setLong(4, m.sourceUid());
        p.setString(5, m.destinationFolder());
        p.setLong(6, m.destinationUidValidity());
        p.setLong(7, m.destinationUid());
        p.setLong(8, m.size());
        if (m.sha256().isPresent()) {
          p.setString(9, m.sha256().get());
        } else {
          p.setNull(9, Types.VARCHAR);
        }
        p.setString(10, encodeFlags(m.flags()));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void insertSkips(List<SkipRecord> skips) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO skipped_message("
        + "account, source_folder, source_uidvalidity, source_uid, size, internal_date, reason,"
        + " detail, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (SkipRecord s : skips) {
        p.setString(1, s.account());
        p.setString(2, s.sourceFolder());
        p.setLong(3, s.sourceUidValidity());
        p.setLong(4, s.sourceUid());
        p.setLong(5, s.size());
        p.setString(6, s.internalDate().map(Instant::toString).orElse(null));
        p.setString(7, s.reason());
        p.setString(8, s.detail());
        p.setString(9, now);
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
