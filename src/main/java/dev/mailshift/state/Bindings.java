package dev.mailshift.state;

import static dev.mailshift.state.RunJournal.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which mailboxes each account's sync state describes ({@link AccountBinding}), and the rebinding
 * that sets the state aside when a plan points an account at other ones. Each call is one
 * transaction.
 *
 * <p>Why: checkpoints, the UID map and intents are keyed by account and folder names and checked
 * by UIDVALIDITY only. A new server that gives its folders the same UIDVALIDITYs (time-based or
 * predictable ones do) would pass that check, and mailshift would take folders on it for done.
 */
public final class Bindings {
  /** The tables whose rows describe one source and one destination mailbox. */
  private static final List<String> SYNC_TABLES = List.of("folder_checkpoint", "uid_map",
      "append_intent", "skipped_message");

  private final Database db;

  Bindings(Database db) {
    this.db = db;
  }

  /** The binding recorded for {@code account}, if any. */
  public Optional<AccountBinding> recorded(String account) {
    return db.read(c -> recorded(c, account));
  }

  /** Every recorded binding, by account. */
  public List<AccountBinding> all() {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM account_binding"
          + " ORDER BY account"); ResultSet rs = p.executeQuery()) {
        List<AccountBinding> out = new ArrayList<>();
        while (rs.next()) {
          out.add(binding(rs, ""));
        }
        return out;
      }
    });
  }

  /** How the state of {@code wanted.account()} relates to these mailboxes. Reads only. */
  public BindingCheck check(AccountBinding wanted) {
    return db.read(c -> check(c, wanted));
  }

  /**
   * Binds the account's state to {@code wanted}: records it on first use; when the state was
   * bound to other mailboxes, or to none that anyone recorded, deletes the account's checkpoints,
   * UID map, append intents, skip records and rejected keywords, records the new binding and
   * notes the rebinding, all in one transaction. A kill at any point leaves either the old state
   * (and the next run rebinds) or the new binding with no sync state. Runs and journal are kept.
   *
   * @return the rebinding, when state was set aside
   */
  public Optional<Rebinding> bind(AccountBinding wanted) {
    return bind(List.of(wanted)).stream().findFirst();
  }

  /**
   * {@link #bind(AccountBinding)} for several accounts in one transaction (one commit for a whole
   * run, however many accounts; nothing is written for accounts already bound to the same
   * mailboxes). Not durable by itself: a power loss may undo it, which leaves the old state that
   * the next run rebinds again; the first append intent after it, written durably, makes it
   * durable too.
   *
   * @return the rebindings, in the order of {@code wanted}
   */
  public List<Rebinding> bind(List<AccountBinding> wanted) {
    return db.transaction(c -> {
      List<Rebinding> out = new ArrayList<>();
      for (AccountBinding b : wanted) {
        switch (check(c, b)) {
          case BindingCheck.Same s -> { }
          case BindingCheck.Fresh f -> save(c, b);
          case BindingCheck.Changed ch -> out.add(rebind(c, Optional.of(ch.recorded()), b));
          case BindingCheck.Unrecorded u -> out.add(rebind(c, Optional.empty(), b));
        }
      }
      return out;
    });
  }

  /** The rebindings of {@code account}, oldest first. */
  public List<Rebinding> rebindings(String account) {
    return db.read(c -> {
      try (PreparedStatement p = prepare(c, "SELECT * FROM account_rebinding WHERE account = ?"
          + " ORDER BY rebinding_id", account); ResultSet rs = p.executeQuery()) {
        List<Rebinding> out = new ArrayList<>();
        while (rs.next()) {
          Optional<AccountBinding> from = rs.getString("old_source_host") == null
              ? Optional.empty() : Optional.of(binding(rs, "old_"));
          out.add(new Rebinding(account, from, binding(rs, "new_"), rs.getLong("checkpoints"),
              rs.getLong("mappings"), rs.getLong("intents"), rs.getLong("skips"),
              Instant.parse(rs.getString("rebound_at"))));
        }
        return out;
      }
    });
  }

  private static BindingCheck check(Connection c, AccountBinding wanted) throws SQLException {
    Optional<AccountBinding> recorded = recorded(c, wanted.account());
    if (recorded.isPresent()) {
      return recorded.get().sameMailboxes(wanted) ? new BindingCheck.Same(wanted)
          : new BindingCheck.Changed(recorded.get(), wanted);
    }
    for (String table : SYNC_TABLES) {
      if (hasRows(c, table, wanted.account())) {
        return new BindingCheck.Unrecorded(wanted);
      }
    }
    return new BindingCheck.Fresh(wanted);
  }

  private Rebinding rebind(Connection c, Optional<AccountBinding> from, AccountBinding to)
      throws SQLException {
    String account = to.account();
    long checkpoints = delete(c, "folder_checkpoint", account);
    long mappings = delete(c, "uid_map", account);
    long intents = delete(c, "append_intent", account);
    long skips = delete(c, "skipped_message", account);
    delete(c, "rejected_keyword", account);
    save(c, to);
    Rebinding r = new Rebinding(account, from, to, checkpoints, mappings, intents, skips,
        db.clock.instant());
    try (PreparedStatement p = prepare(c, "INSERT INTO account_rebinding(account,"
        + " old_source_scheme, old_source_host, old_source_port, old_source_user,"
        + " old_destination_scheme, old_destination_host, old_destination_port,"
        + " old_destination_user, new_source_scheme, new_source_host, new_source_port,"
        + " new_source_user, new_destination_scheme, new_destination_host, new_destination_port,"
        + " new_destination_user, checkpoints, mappings, intents, skips, rebound_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        args(account, from.map(AccountBinding::source), from.map(AccountBinding::destination),
            to, r))) {
      p.executeUpdate();
    }
    return r;
  }

  private static Object[] args(String account, Optional<MailboxIdentity> oldSource,
      Optional<MailboxIdentity> oldDestination, AccountBinding to, Rebinding r) {
    List<Object> out = new ArrayList<>();
    out.add(account);
    for (Optional<MailboxIdentity> m : List.of(oldSource, oldDestination)) {
      out.add(m.map(MailboxIdentity::scheme).orElse(null));
      out.add(m.map(MailboxIdentity::host).orElse(null));
      out.add(m.map(MailboxIdentity::port).orElse(null));
      out.add(m.map(MailboxIdentity::user).orElse(null));
    }
    for (MailboxIdentity m : List.of(to.source(), to.destination())) {
      out.add(m.scheme());
      out.add(m.host());
      out.add(m.port());
      out.add(m.user());
    }
    out.add(r.checkpoints());
    out.add(r.mappings());
    out.add(r.intents());
    out.add(r.skips());
    out.add(r.at().toString());
    return out.toArray();
  }

  private void save(Connection c, AccountBinding b) throws SQLException {
    try (PreparedStatement p = prepare(c, "INSERT OR REPLACE INTO account_binding(account,"
        + " source_scheme, source_host, source_port, source_user, destination_scheme,"
        + " destination_host, destination_port, destination_user, bound_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.account(), b.source().scheme(),
        b.source().host(), b.source().port(), b.source().user(), b.destination().scheme(),
        b.destination().host(), b.destination().port(), b.destination().user(), db.now())) {
      p.executeUpdate();
    }
  }

  private static Optional<AccountBinding> recorded(Connection c, String account)
      throws SQLException {
    try (PreparedStatement p = prepare(c, "SELECT * FROM account_binding WHERE account = ?",
        account); ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(binding(rs, "")) : Optional.empty();
    }
  }

  private static AccountBinding binding(ResultSet rs, String prefix) throws SQLException {
    return new AccountBinding(rs.getString("account"), mailbox(rs, prefix + "source_"),
        mailbox(rs, prefix + "destination_"));
  }

  private static MailboxIdentity mailbox(ResultSet rs, String prefix) throws SQLException {
    return new MailboxIdentity(rs.getString(prefix + "scheme"), rs.getString(prefix + "host"),
        rs.getInt(prefix + "port"), rs.getString(prefix + "user"));
  }

  private static boolean hasRows(Connection c, String table, String account)
      throws SQLException {
    try (PreparedStatement p = prepare(c, "SELECT EXISTS (SELECT 1 FROM " + table
        + " WHERE account = ?)", account); ResultSet rs = p.executeQuery()) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  private static long delete(Connection c, String table, String account) throws SQLException {
    try (PreparedStatement p = prepare(c, "DELETE FROM " + table + " WHERE account = ?",
        account)) {
      return p.executeUpdate();
    }
  }
}
