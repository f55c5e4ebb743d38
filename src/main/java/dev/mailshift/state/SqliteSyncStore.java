package dev.mailshift.state;

import static dev.mailshift.state.RunJournal.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** {@link SyncStore} on the state file's tables. */
final class SqliteSyncStore implements SyncStore {
  private static final String FOLDER = "account = ? AND source_folder = ?";
  private final Database db;

  SqliteSyncStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<FolderCheckpoint> checkpoint(String account, String sourceFolder) {
    return db.read(c -> checkpoints(c, "SELECT * FROM folder_checkpoint WHERE " + FOLDER,
        account, sourceFolder)).stream().findFirst();
  }

  @Override
  public List<FolderCheckpoint> checkpoints(String account) {
    return db.read(c -> checkpoints(c,
        "SELECT * FROM folder_checkpoint WHERE account = ? ORDER BY source_folder", account));
  }

  @Override
  public void saveCheckpoint(FolderCheckpoint cp) {
    db.transaction(c -> {
      try (PreparedStatement p = prepare(c, "INSERT OR REPLACE INTO folder_checkpoint(account,"
          + " source_folder, source_uidvalidity, destination_folder, destination_uidvalidity,"
          + " last_uid, uid_next, messages, highest_modseq, synced_at, messages_synced,"
          + " bytes_synced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          cp.account(), cp.sourceFolder(), cp.sourceUidValidity(), cp.destinationFolder(),
          cp.destinationUidValidity(), cp.lastUid(), cp.uidNext(), cp.messages(),
          cp.highestModseq().isPresent() ? cp.highestModseq().getAsLong() : null,
          cp.syncedAt().map(Instant::toString).orElse(null), cp.messagesSynced(),
          cp.bytesSynced())) {
        return p.executeUpdate();
      }
    });
  }

  @Override
  public PurgeResult purgeStale(String account, String sourceFolder, long sourceUidValidity,
      String destinationFolder, long destinationUidValidity) {
    return db.transaction(c -> {
      Optional<FolderCheckpoint> old = checkpoints(c,
          "SELECT * FROM folder_checkpoint WHERE " + FOLDER, account, sourceFolder).stream()
          .filter(cp -> !cp.matches(sourceUidValidity, destinationFolder, destinationUidValidity))
          .findFirst();
      if (old.isPresent()) {
        update(c, "DELETE FROM folder_checkpoint WHERE " + FOLDER, account, sourceFolder);
      }
      String stale = " AND NOT (source_uidvalidity = ? AND destination_folder = ?"
          + " AND destination_uidvalidity = ?)";
      int mappings = update(c, "DELETE FROM uid_map WHERE " + FOLDER + stale, account,
          sourceFolder, sourceUidValidity, destinationFolder, destinationUidValidity);
      int intents = update(c, "DELETE FROM append_intent WHERE " + FOLDER + stale, account,
          sourceFolder, sourceUidValidity, destinationFolder, destinationUidValidity);
      int skips = update(c, "DELETE FROM skipped_message WHERE " + FOLDER
          + " AND source_uidvalidity <> ?", account, sourceFolder, sourceUidValidity);
      return new PurgeResult(old, mappings, intents, skips);
    });
  }

  @Override
  public List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity) {
    return db.read(c -> readMappings(c, "SELECT * FROM uid_map WHERE " + FOLDER
        + " AND source_uidvalidity = ? ORDER BY source_uid", account, sourceFolder,
        sourceUidValidity));
  }

  private static List<UidMapping> readMappings(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args); ResultSet rs = p.executeQuery()) {
      List<UidMapping> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new UidMapping(rs.getString("account"), rs.getString("source_folder"),
            rs.getLong("source_uidvalidity"), rs.getLong("source_uid"),
            rs.getString("destination_folder"), rs.getLong("destination_uidvalidity"),
            rs.getLong("destination_uid"), rs.getLong("size"),
            Optional.ofNullable(rs.getString("sha256")), decodeFlags(rs.getString("flags"))));
      }
      return out;
    }
  }

  @Override
  public Set<Long> mappedSourceUids(String account, String sourceFolder, long sourceUidValidity,
      long aboveUid) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT source_uid FROM uid_map WHERE " + FOLDER
          + " AND source_uidvalidity = ? AND source_uid > ?", account, sourceFolder,
          sourceUidValidity, aboveUid); ResultSet rs = p.executeQuery()) {
        Set<Long> out = new HashSet<>();
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
        return out;
      }
    });
  }

  @Override
  public List<UidMapping> mappings(String account, String sourceFolder, long sourceUidValidity,
      Collection<Long> sourceUids) {
    List<Long> uids = List.copyOf(new TreeSet<>(sourceUids));
    List<UidMapping> out = new ArrayList<>();
    for (int from = 0; from < uids.size(); from += 500) {
      List<Long> part = uids.subList(from, Math.min(uids.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
      Object[] args = new Object[3 + part.size()];
      args[0] = account;
      args[1] = sourceFolder;
      args[2] = sourceUidValidity;
      for (int i = 0; i < part.size(); i++) {
        args[3 + i] = part.get(i);
      }
      out.addAll(db.read(c -> readMappings(c, "SELECT * FROM uid_map WHERE " + FOLDER
          + " AND source_uidvalidity = ? AND source_uid IN (" + marks + ") ORDER BY source_uid",
          args)));
    }
    return out;
  }

  @Override
  public MappingTotals mappingTotals(String account, String sourceFolder,
      long sourceUidValidity) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT count(*), coalesce(sum(size), 0) FROM uid_map"
          + " WHERE " + FOLDER + " AND source_uidvalidity = ?", account, sourceFolder,
          sourceUidValidity); ResultSet rs = p.executeQuery()) {
        rs.next();
        return new MappingTotals(rs.getLong(1), rs.getLong(2));
      }
    });
  }

  @Override
  public Set<Long> mappedDestinationUids(String account, String destinationFolder,
      long destinationUidValidity) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT destination_uid FROM uid_map WHERE"
          + " account = ? AND destination_folder = ? AND destination_uidvalidity = ?", account,
          destinationFolder, destinationUidValidity); ResultSet rs = p.executeQuery()) {
        Set<Long> out = new HashSet<>();
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
        return out;
      }
    });
  }

  @Override
  public long addIntent(AppendIntent i) {
    return addIntents(List.of(i)).getFirst();
  }

  @Override
  public List<Long> addIntents(List<AppendIntent> intents) {
    if (intents.isEmpty()) {
      return List.of();
    }
    return db.durableTransaction(c -> {
      List<Long> ids = new ArrayList<>(intents.size());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO append_intent(account,"
          + " source_folder, source_uidvalidity, source_uid, destination_folder,"
          + " destination_uidvalidity, destination_uid_next, size, sha256, created_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING intent_id")) {
        String now = db.now();
        for (AppendIntent i : intents) {
          p.setString(1, i.account());
          p.setString(2, i.sourceFolder());
          p.setLong(3, i.sourceUidValidity());
          p.setLong(4, i.sourceUid());
          p.setString(5, i.destinationFolder());
          p.setLong(6, i.destinationUidValidity());
          p.setLong(7, i.destinationUidNext());
          p.setLong(8, i.size());
          p.setString(9, i.sha256());
          p.setString(10, now);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
      return ids;
    });
  }

  @Override
  public List<AppendIntent> intents(String account, String sourceFolder) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT * FROM append_intent WHERE " + FOLDER
          + " ORDER BY source_uid, intent_id", account, sourceFolder);
          ResultSet rs = p.executeQuery()) {
        List<AppendIntent> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new AppendIntent(rs.getLong("intent_id"), rs.getString("account"),
              rs.getString("source_folder"), rs.getLong("source_uidvalidity"),
              rs.getLong("source_uid"), rs.getString("destination_folder"),
              rs.getLong("destination_uidvalidity"), rs.getLong("destination_uid_next"),
              rs.getLong("size"), rs.getString("sha256")));
        }
        return out;
      }
    });
  }

  @Override
  public void commit(SyncBatch b) {
    if (b.isEmpty()) {
      return;
    }
    db.transaction(c -> {
      new SyncBatchWriter(c, db.now()).write(b);
      return null;
    });
  }

  @Override
  public List<SkipRecord> skipped(String account, String sourceFolder) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT * FROM skipped_message WHERE " + FOLDER
          + " ORDER BY source_uidvalidity, source_uid", account, sourceFolder);
          ResultSet rs = p.executeQuery()) {
        List<SkipRecord> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new SkipRecord(rs.getString("account"), rs.getString("source_folder"),
              rs.getLong("source_uidvalidity"), rs.getLong("source_uid"), rs.getLong("size"),
              Optional.ofNullable(rs.getString("internal_date")).map(Instant::parse),
              rs.getString("reason"), rs.getString("detail")));
        }
        return out;
      }
    });
  }

  @Override
  public SkipTotal skipTotal(String account) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT COUNT(*), COALESCE(SUM(s.size), 0)"
          + " FROM skipped_message s JOIN folder_checkpoint f ON f.account = s.account"
          + " AND f.source_folder = s.source_folder WHERE s.account = ?", account);
          ResultSet rs = p.executeQuery()) {
        rs.next();
        return new SkipTotal(rs.getLong(1), rs.getLong(2));
      }
    });
  }

  @Override
  public void forgetSkips(String account, String sourceFolder, long sourceUidValidity,
      Collection<Long> sourceUids) {
    if (sourceUids.isEmpty()) {
      return;
    }
    db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM skipped_message WHERE " + FOLDER
          + " AND source_uidvalidity = ? AND source_uid = ?")) {
        for (long uid : sourceUids) {
          p.setString(1, account);
          p.setString(2, sourceFolder);
          p.setLong(3, sourceUidValidity);
          p.setLong(4, uid);
          p.addBatch();
        }
        return p.executeBatch();
      }
    });
  }

  @Override
  public void recordRejectedKeywords(String account, String destinationFolder,
      Set<String> keywords) {
    if (keywords.isEmpty()) {
      return;
    }
    db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO rejected_keyword"
          + "(account, destination_folder, keyword, recorded_at) VALUES (?, ?, ?, ?)")) {
        for (String k : keywords) {
          p.setString(1, account);
          p.setString(2, destinationFolder);
          p.setString(3, k);
          p.setString(4, db.now());
          p.addBatch();
        }
        return p.executeBatch();
      }
    });
  }

  @Override
  public Set<String> rejectedKeywords(String account, String destinationFolder) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT keyword FROM rejected_keyword WHERE"
          + " account = ? AND destination_folder = ?", account, destinationFolder);
          ResultSet rs = p.executeQuery()) {
        Set<String> out = new TreeSet<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  static String encodeFlags(Set<String> flags) {
    return String.join(" ", new TreeSet<>(flags));
  }

  static Set<String> decodeFlags(String text) {
    return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(" ")));
  }

  private static List<FolderCheckpoint> checkpoints(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args); ResultSet rs = p.executeQuery()) {
      List<FolderCheckpoint> out = new ArrayList<>();
      while (rs.next()) {
        long modseq = rs.getLong("highest_modseq");
        OptionalLong highest = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(modseq);
        out.add(new FolderCheckpoint(rs.getString("account"), rs.getString("source_folder"),
            rs.getLong("source_uidvalidity"), rs.getString("destination_folder"),
            rs.getLong("destination_uidvalidity"), rs.getLong("last_uid"),
            rs.getLong("uid_next"), rs.getLong("messages"), highest,
            Optional.ofNullable(rs.getString("synced_at")).map(Instant::parse),
            rs.getLong("messages_synced"), rs.getLong("bytes_synced")));
      }
      return out;
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = prepare(c, sql, args)) {
      return p.executeUpdate();
    }
  }
}
