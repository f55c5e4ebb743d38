package dev.mailshift.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The TTL lowerings dns-ttl recorded, which gate the MX switch. Each call is one transaction. */
public final class DnsStages {
  private final Database db;

  DnsStages(Database db) {
    this.db = db;
  }

  public void record(TtlLoweringRecord r) {
    db.transaction(c -> {
      try (PreparedStatement p = RunJournal.prepare(c, "INSERT INTO dns_ttl_lowering(run_id,"
          + " zone, name, type, served_ttl, wait_seconds, basis, lowered_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.runId(), r.zone(), r.name(), r.type(),
          r.servedTtl(), r.waitSeconds(), r.basis(), r.loweredAt().toString())) {
        return p.executeUpdate();
      }
    });
  }

  /** Every lowering recorded for {@code zone}, oldest first. */
  public List<TtlLoweringRecord> lowerings(String zone) {
    return db.read(c -> {
      try (PreparedStatement p = RunJournal.prepare(c, "SELECT * FROM dns_ttl_lowering"
          + " WHERE zone = ? ORDER BY lowering_id", zone); ResultSet rs = p.executeQuery()) {
        List<TtlLoweringRecord> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new TtlLoweringRecord(rs.getLong("run_id"), rs.getString("zone"),
              rs.getString("name"), rs.getString("type"), rs.getLong("served_ttl"),
              rs.getLong("wait_seconds"), rs.getString("basis"),
              Instant.parse(rs.getString("lowered_at"))));
        }
        return out;
      }
    });
  }
}
