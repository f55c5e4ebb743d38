package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.change.AccountFingerprint;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.FolderFingerprint;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.CheckDns;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private final ChangeSet saved = new ChangeSet("p", "sha1", "migrate", List.of(),
      List.of(new FolderFingerprint("alice", "INBOX", 7), new FolderFingerprint("alice", "INBOX.Sent", 8)));

  @Test
  void differences_sameStructure_none() {
    assertThat(Staleness.differences(saved, "sha1", saved.fingerprints())).isEmpty();
  }

  @Test
  void differences_uidValidityChangedFolderVanishedAndAppeared_eachNamed() {
    List<FolderFingerprint> now = List.of(new FolderFingerprint("alice", "INBOX", 9),
        new FolderFingerprint("alice", "INBOX.New", 1));

    assertThat(Staleness.differences(saved, "sha1", now)).containsExactlyInAnyOrder(
        "source folder 'INBOX' of alice changed UIDVALIDITY from 7 to 9",
        "source folder 'INBOX.Sent' of alice vanished",
        "source folder 'INBOX.New' of alice appeared");
  }

  @Test
  void differences_planFileEdited_isStale() {
    assertThat(Staleness.differences(saved, "sha2", saved.fingerprints()))
        .containsExactly("the plan file changed since the plan was saved");
  }

  private static final String SOURCE = "imaps://imap.old.example:993 (user alice@old.example)";
  private static final String STAGING = "imaps://staging.example:993 (user alice@acme.example)";
  private static final String PRODUCTION = "imaps://mail.example:993 (user alice@acme.example)";
  private static final String RULES = "0123456789abcdef";

  private static ChangeSet savedFor(List<AccountFingerprint> accounts) {
    return new ChangeSet("p", "sha1", "migrate", List.of(new Preflight("alice", List.of()),
        new CheckDns("acme.example")), List.of(), List.of(), accounts);
  }

  @Test
  void accountDifferences_sameMailboxes_none() {
    List<AccountFingerprint> now = List.of(new AccountFingerprint("alice", SOURCE, STAGING, RULES));

    assertThat(Staleness.accountDifferences(savedFor(now), now)).isEmpty();
  }

  @Test
  void accountDifferences_otherDestination_namesBothAndIgnoresDnsSteps() {
    ChangeSet saved = savedFor(List.of(new AccountFingerprint("alice", SOURCE, STAGING, RULES)));

    assertThat(Staleness.accountDifferences(saved,
        List.of(new AccountFingerprint("alice", SOURCE, PRODUCTION, RULES)))).containsExactly(
        "alice: the saved plan was made for source " + SOURCE + " and destination " + STAGING
            + "; the plan now names source " + SOURCE + " and destination " + PRODUCTION);
  }

  @Test
  void accountDifferences_savedWithoutMailboxesOrAccountGone_isStale() {
    assertThat(Staleness.accountDifferences(savedFor(List.of()),
        List.of(new AccountFingerprint("alice", SOURCE, STAGING, RULES))))
        .containsExactly("alice: the saved plan does not record which servers it was made against");
    assertThat(Staleness.accountDifferences(savedFor(List.of()), List.of()))
        .containsExactly("alice: the saved plan has steps for this account, the plan's phase no"
            + " longer has it");
  }

  @Test
  void accountDifferences_sameMailboxesOtherFolderRules_isStaleForThatAccount() {
    // given: a CSV row that now names another folder profile gives alice other folder rules
    ChangeSet saved = savedFor(List.of(new AccountFingerprint("alice", SOURCE, STAGING, RULES)));

    // when
    List<String> drift = Staleness.accountDifferences(saved,
        List.of(new AccountFingerprint("alice", SOURCE, STAGING, "fedcba9876543210")));

    // then
    assertThat(drift).containsExactly("alice: the account's folder rules changed since the plan"
        + " was saved (its folder-profile, that profile's rules, or a folders block), so its"
        + " folder map may differ");
  }
}
