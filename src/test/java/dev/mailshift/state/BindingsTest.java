package dev.mailshift.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindingsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final MailboxIdentity OLD =
      MailboxIdentity.of(true, "imap.old.example", 993, "alice@old.example");
  private static final MailboxIdentity STAGING =
      MailboxIdentity.of(true, "staging.example", 993, "alice@acme.example");
  private static final MailboxIdentity PRODUCTION =
      MailboxIdentity.of(true, "mail.example", 993, "alice@acme.example");
  private static final AccountBinding ON_STAGING = new AccountBinding("alice", OLD, STAGING);
  private static final AccountBinding ON_PRODUCTION =
      new AccountBinding("alice", OLD, PRODUCTION);

  @TempDir Path dir;
  private StateStore state;

  @BeforeEach
  void open() {
    state = StateStore.open(dir.resolve("state.db"), CLOCK);
  }

  @AfterEach
  void close() {
    state.close();
  }

  /** A finished folder of {@code account}: checkpoint, mapping, intent, skip, rejected keyword. */
  private void syncedFolder(String account) {
    SyncStore sync = state.sync();
    sync.saveCheckpoint(new FolderCheckpoint(account, "INBOX", 7, "INBOX", 9, 2, 3, 2,
        OptionalLong.empty(), Optional.of(CLOCK.instant()), 1, 100));
    sync.commit(new SyncBatch(account, "INBOX", 7, List.of(new UidMapping(account, "INBOX", 7, 1,
        "INBOX", 9, 11, 100, Optional.of("ab"), Set.of("\\Seen"))), List.of(),
        List.of(new SkipRecord(account, "INBOX", 7, 2, 90_000_000, Optional.empty(), "TOO_LARGE",
            "over max-size")), Map.of(), List.of(), OptionalLong.empty()));
    sync.addIntent(new AppendIntent(0, account, "INBOX", 7, 3, "INBOX", 9, 12, 100, "cd"));
    sync.recordRejectedKeywords(account, "INBOX", Set.of("$Odd"));
  }

  @Test
  void check_nothingRecorded_isFreshAndUsable() {
    // when
    BindingCheck check = state.bindings().check(ON_STAGING);

    // then
    assertThat(check).isEqualTo(new BindingCheck.Fresh(ON_STAGING));
    assertThat(check.stateUsable()).isTrue();
    assertThat(check.warning()).isEmpty();
  }

  @Test
  void bind_firstUse_recordsBindingWithoutRebinding() {
    // when
    Optional<Rebinding> rebinding = state.bindings().bind(ON_STAGING);

    // then
    assertThat(rebinding).isEmpty();
    assertThat(state.bindings().recorded("alice")).contains(ON_STAGING);
    assertThat(state.bindings().check(ON_STAGING)).isInstanceOf(BindingCheck.Same.class);
  }

  @Test
  void bind_sameMailboxes_keepsEverySyncRow() {
    // given
    state.bindings().bind(ON_STAGING);
    syncedFolder("alice");

    // when
    Optional<Rebinding> rebinding = state.bindings().bind(ON_STAGING);

    // then
    assertThat(rebinding).isEmpty();
    assertThat(state.sync().checkpoints("alice")).hasSize(1);
    assertThat(state.sync().mappings("alice", "INBOX", 7)).hasSize(1);
    assertThat(state.sync().intents("alice", "INBOX")).hasSize(1);
  }

  @Test
  void check_otherDestination_isChangedNamingBothDestinations() {
    // given
    state.bindings().bind(ON_STAGING);

    // when
    BindingCheck check = state.bindings().check(ON_PRODUCTION);

    // then
    assertThat(check.stateUsable()).isFalse();
    assertThat(check.warning()).contains("state recorded for destination"
        + " imaps://staging.example:993 (user alice@acme.example); this plan's destination is"
        + " imaps://mail.example:993 (user alice@acme.example): earlier sync state will not be"
        + " used; messages already there are matched by content");
  }

  @Test
  void bind_otherDestination_deletesTheAccountsSyncStateOnlyAndKeepsRuns() {
    // given
    state.bindings().bind(ON_STAGING);
    state.bindings().bind(new AccountBinding("bob", OLD, STAGING));
    long run = state.journal().startRun("p", "sha", "bulk", "apply");
    syncedFolder("alice");
    syncedFolder("bob");

    // when
    Optional<Rebinding> rebinding = state.bindings().bind(ON_PRODUCTION);

    // then
    assertThat(rebinding).contains(new Rebinding("alice", Optional.of(ON_STAGING), ON_PRODUCTION,
        1, 1, 1, 1, CLOCK.instant()));
    assertThat(state.sync().checkpoints("alice")).isEmpty();
    assertThat(state.sync().mappings("alice", "INBOX", 7)).isEmpty();
    assertThat(state.sync().intents("alice", "INBOX")).isEmpty();
    assertThat(state.sync().skipped("alice", "INBOX")).isEmpty();
    assertThat(state.sync().rejectedKeywords("alice", "INBOX")).isEmpty();
    assertThat(state.sync().checkpoints("bob")).hasSize(1);
    assertThat(state.sync().mappings("bob", "INBOX", 7)).hasSize(1);
    assertThat(state.sync().intents("bob", "INBOX")).hasSize(1);
    assertThat(state.journal().runs(10)).extracting(RunRecord::runId).containsExactly(run);
    assertThat(state.bindings().recorded("alice")).contains(ON_PRODUCTION);
    assertThat(state.bindings().rebindings("alice")).containsExactly(rebinding.orElseThrow());
  }

  @Test
  void bind_otherUserOnSameServer_isChangedAndSetsStateAside() {
    // given
    state.bindings().bind(ON_STAGING);
    syncedFolder("alice");
    AccountBinding otherUser = new AccountBinding("alice", OLD,
        MailboxIdentity.of(true, "staging.example", 993, "alice2@acme.example"));

    // when
    BindingCheck check = state.bindings().check(otherUser);
    Optional<Rebinding> rebinding = state.bindings().bind(otherUser);

    // then
    assertThat(check).isInstanceOf(BindingCheck.Changed.class);
    assertThat(check.warning().orElseThrow()).contains("(user alice@acme.example)")
        .contains("(user alice2@acme.example)");
    assertThat(rebinding).isPresent();
    assertThat(state.sync().checkpoints("alice")).isEmpty();
  }

  @Test
  void bind_otherSource_isChangedNamingTheSource() {
    // given
    state.bindings().bind(ON_STAGING);
    AccountBinding otherSource = new AccountBinding("alice",
        MailboxIdentity.of(true, "imap.restored.example", 993, "alice@old.example"), STAGING);

    // when
    BindingCheck check = state.bindings().check(otherSource);

    // then
    assertThat(check.warning().orElseThrow()).startsWith("state recorded for source"
        + " imaps://imap.old.example:993 (user alice@old.example); this plan's source is"
        + " imaps://imap.restored.example:993");
  }

  @Test
  void check_hostInOtherCaseWithTrailingDot_isSameMailbox() {
    // given
    state.bindings().bind(ON_STAGING);

    // when
    BindingCheck check = state.bindings().check(new AccountBinding("alice", OLD,
        MailboxIdentity.of(true, "Staging.Example.", 993, "alice@acme.example")));

    // then
    assertThat(check).isInstanceOf(BindingCheck.Same.class);
  }

  @Test
  void check_otherPortOrTlsMode_isChanged() {
    // given
    state.bindings().bind(ON_STAGING);

    // when / then
    assertThat(state.bindings().check(new AccountBinding("alice", OLD,
        MailboxIdentity.of(true, "staging.example", 1993, "alice@acme.example"))).stateUsable())
        .isFalse();
    assertThat(state.bindings().check(new AccountBinding("alice", OLD,
        MailboxIdentity.of(false, "staging.example", 993, "alice@acme.example"))).stateUsable())
        .isFalse();
  }

  @Test
  void check_syncStateWithoutBinding_isUnrecordedAndNotUsable() {
    // given: state written before bindings were recorded
    syncedFolder("alice");

    // when
    BindingCheck check = state.bindings().check(ON_PRODUCTION);

    // then
    assertThat(check).isEqualTo(new BindingCheck.Unrecorded(ON_PRODUCTION));
    assertThat(check.warning().orElseThrow()).contains("did not record which servers")
        .contains("destination imaps://mail.example:993 (user alice@acme.example)");
  }

  @Test
  void bind_unrecordedState_setsItAsideWithoutEarlierBinding() {
    // given
    syncedFolder("alice");

    // when
    Rebinding rebinding = state.bindings().bind(ON_PRODUCTION).orElseThrow();

    // then
    assertThat(rebinding.from()).isEmpty();
    assertThat(rebinding.checkpoints()).isEqualTo(1);
    assertThat(state.bindings().rebindings("alice")).containsExactly(rebinding);
    assertThat(state.sync().checkpoints("alice")).isEmpty();
  }

  @Test
  void bind_failingBeforeItsLastStatement_leavesOldBindingAndEveryRow() throws Exception {
    // given: the rebinding's last write fails, as a kill before its commit would end it
    state.bindings().bind(ON_STAGING);
    syncedFolder("alice");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.file());
        Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER cut BEFORE INSERT ON account_rebinding"
          + " BEGIN SELECT RAISE(ABORT, 'cut off'); END");
    }

    // when
    assertThatThrownBy(() -> state.bindings().bind(ON_PRODUCTION))
        .isInstanceOf(StateException.class).hasMessageContaining("cut off");

    // then: nothing of it happened, and the next run sees the same mismatch again
    assertThat(state.bindings().recorded("alice")).contains(ON_STAGING);
    assertThat(state.sync().checkpoints("alice")).hasSize(1);
    assertThat(state.sync().mappings("alice", "INBOX", 7)).hasSize(1);
    assertThat(state.sync().intents("alice", "INBOX")).hasSize(1);
    assertThat(state.sync().skipped("alice", "INBOX")).hasSize(1);
    assertThat(state.bindings().check(ON_PRODUCTION)).isInstanceOf(BindingCheck.Changed.class);
  }

  @Test
  void bind_severalAccountsOneFailing_bindsNoneOfThem() throws Exception {
    // given
    state.bindings().bind(ON_STAGING);
    syncedFolder("alice");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.file());
        Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER cut BEFORE INSERT ON account_rebinding"
          + " BEGIN SELECT RAISE(ABORT, 'cut off'); END");
    }
    AccountBinding bob = new AccountBinding("bob", OLD, PRODUCTION);

    // when
    assertThatThrownBy(() -> state.bindings().bind(List.of(bob, ON_PRODUCTION)))
        .isInstanceOf(StateException.class);

    // then
    assertThat(state.bindings().all()).containsExactly(ON_STAGING);
  }

  @Test
  void syncSettingAside_readsNothingForThatAccountAndRefusesItsWrites() {
    // given
    syncedFolder("alice");
    syncedFolder("bob");

    // when
    SyncStore view = state.syncSettingAside(Set.of("alice"));

    // then
    assertThat(view.checkpoints("alice")).isEmpty();
    assertThat(view.checkpoint("alice", "INBOX")).isEmpty();
    assertThat(view.mappings("alice", "INBOX", 7)).isEmpty();
    assertThat(view.mappedDestinationUids("alice", "INBOX", 9)).isEmpty();
    assertThat(view.intents("alice", "INBOX")).isEmpty();
    assertThat(view.skipped("alice", "INBOX")).isEmpty();
    assertThat(view.checkpoints("bob")).hasSize(1);
    assertThat(view.mappedDestinationUids("bob", "INBOX", 9)).containsExactly(11L);
    assertThatThrownBy(() -> view.saveCheckpoint(
        FolderCheckpoint.fresh("alice", "INBOX", 7, "INBOX", 9)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(state.sync().checkpoints("alice")).as("the store itself is untouched").hasSize(1);
  }

  @Test
  void open_schema3FileWithSyncState_upgradesKeepingRowsAsUnrecorded() throws Exception {
    // given: a state file as schema 3 wrote it, with a synced folder
    Path file = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
          + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (Migrations.Migration m : Migrations.ALL.subList(0, 3)) {
        for (String sql : m.statements()) {
          s.execute(sql);
        }
        s.execute("INSERT INTO schema_version VALUES (" + m.version() + ", 'x', 'y')");
      }
      s.execute("INSERT INTO folder_checkpoint VALUES ('alice', 'INBOX', 7, 'INBOX', 9, 5, 6,"
          + " 5, NULL, '2026-01-01T00:00:00Z', 5, 500)");
      s.execute("INSERT INTO uid_map VALUES ('alice', 'INBOX', 7, 1, 'INBOX', 9, 11, 100,"
          + " 'ab', '')");
    }

    // when
    try (StateStore upgraded = StateStore.open(file, CLOCK)) {
      // then
      assertThat(upgraded.schemaVersion()).isEqualTo(4);
      assertThat(upgraded.sync().checkpoints("alice")).hasSize(1);
      assertThat(upgraded.bindings().check(ON_STAGING))
          .isEqualTo(new BindingCheck.Unrecorded(ON_STAGING));
      assertThat(upgraded.bindings().check(new AccountBinding("carol", OLD, STAGING)))
          .isInstanceOf(BindingCheck.Fresh.class);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM account_binding")) {
      rs.next();
      assertThat(rs.getInt(1)).as("opening binds nothing").isZero();
    }
  }

  @Test
  void mailboxIdentity_ipv6Host_urlInBracketsAndNeverAPassword() {
    // when
    MailboxIdentity m = MailboxIdentity.of(false, "[::1]", 143, "alice");

    // then
    assertThat(m.host()).isEqualTo("::1");
    assertThat(m).hasToString("imap://[::1]:143 (user alice)");
    assertThat(MailboxIdentity.class.getRecordComponents())
        .extracting(c -> c.getName()).containsExactly("scheme", "host", "port", "user");
  }
}
