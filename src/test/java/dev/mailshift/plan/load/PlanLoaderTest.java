package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.FolderRules.RenameRule;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.SecretRef;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.StepKind;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The happy path: a plan using every key, read from the classpath fixture plans/full. */
class PlanLoaderTest {
  private static Path planFile;
  private static Path dir;
  private static Plan plan;

  @BeforeAll
  static void load() throws URISyntaxException {
    planFile = Path.of(PlanLoaderTest.class.getResource("/plans/full/plan.yaml").toURI());
    dir = planFile.getParent();
    LoadResult result = new PlanLoader().load(planFile);
    assertThat(result.problems()).isEmpty();
    plan = result.plan().orElseThrow();
  }

  @Test
  void load_everyKey_readsTopLevel() throws Exception {
    assertThat(plan.version()).isEqualTo(1);
    assertThat(plan.name()).isEqualTo("full-example");
    assertThat(plan.source().file()).isEqualTo(planFile);
    byte[] bytes = Files.readAllBytes(planFile);
    assertThat(plan.source().sha256()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(plan.state().path()).isEqualTo(dir.resolve("state/mailshift.db"));
  }

  @Test
  void load_everyKey_readsServers() {
    // then
    assertThat(plan.servers().keySet()).containsExactly("old", "new");
    Server old = plan.server("old");
    assertThat(old.host()).isEqualTo("imap.old.example");
    assertThat(old.port()).isEqualTo(10993);
    assertThat(old.tls()).isEqualTo(Server.Tls.IMPLICIT);
    assertThat(old.caFile()).contains(dir.resolve("certs/old-ca.pem"));
    assertThat(old.insecure()).isTrue();
    assertThat(old.limits()).isEqualTo(
        new Server.Limits(2, 20_000_000, 50, Duration.ofMinutes(2), 7));
    assertThat(old.location()).isEqualTo(new Location(planFile.toString(), 5, 5));
    Server neu = plan.server("new");
    assertThat(neu.port()).isEqualTo(143);
    assertThat(neu.tls()).isEqualTo(Server.Tls.NONE);
    assertThat(neu.limits()).isEqualTo(Defaults.LIMITS);
  }

  @Test
  void load_everyKey_readsFoldersAndMessages() {
    FolderRules f = plan.folders();
    assertThat(f.include()).containsExactly("^INBOX", "^Projects/");
    assertThat(f.exclude()).containsExactly("^Junk$");
    assertThat(f.map()).isEqualTo(Map.of("Old Sent", "Sent", "2009", "Archive/2009"));
    assertThat(f.rename()).containsExactly(
        new RenameRule("^Archiv/(.*)$", "Archive/$1", new Location(planFile.toString(), 37, 13)));
    assertThat(f.destinationPrefix()).isEmpty();
    assertThat(f.specialUse()).isEqualTo(FolderRules.SpecialUse.OFF);
    assertThat(f.subscriptions()).isEqualTo(FolderRules.Subscriptions.ALL);
    assertThat(f.separatorReplacement()).isEqualTo("-");
    assertThat(plan.messages()).isEqualTo(new MessageRules(
        OptionalLong.of(50L * 1024 * 1024), false, MessageRules.Deletions.MIRROR, 10,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), Optional.empty()));
  }

  @Test
  void load_inlineAccount_takesItsOwnValuesOverDefaults() {
    Account alice = account("alice");
    assertThat(alice.source()).isEqualTo(new Account.Side("old", "alice@acme.example",
        new SecretRef.Env("ALICE_OLD")));
    assertThat(alice.destination()).isEqualTo(new Account.Side("new", "alice@new.example",
        new SecretRef.File(dir.resolve("secrets/alice"))));
    assertThat(alice.batch()).contains("pilot");
    assertThat(alice.folders().exclude()).containsExactly("^Archive/2009");
    assertThat(alice.folders().destinationPrefix()).isEqualTo("Old host");
    assertThat(alice.folders().include()).containsExactly("^INBOX", "^Projects/");
    assertThat(alice.location()).isEqualTo(new Location(planFile.toString(), 21, 7));
  }

  @Test
  void load_inlineAccount_fillsDefaultsAndInterpolates() {
    Account bob = account("bob@acme.example");
    assertThat(bob.source()).isEqualTo(new Account.Side("old", "bob@acme.example",
        new SecretRef.File(dir.resolve("secrets/old/bob@acme.example"))));
    assertThat(bob.destination()).isEqualTo(new Account.Side("new", "bob@acme.example",
        new SecretRef.Command("pass show mail/'bob@acme.example'")));
    assertThat(bob.batch()).contains("bulk");
    assertThat(bob.folders().exclude()).containsExactly("^Trash$");
  }

  @Test
  void load_csvAccounts_areReadWithTheirLines() {
    Account carol = account("carol");
    assertThat(carol.source().password()).isEqualTo(new SecretRef.Env("CAROL_OLD"));
    assertThat(carol.destination().password()).isEqualTo(new SecretRef.Env("NEW_PW_carol"));
    assertThat(carol.batch()).contains("pilot");
    String csv = planFile.resolveSibling("accounts.csv").toString();
    assertThat(carol.location()).isEqualTo(new Location(csv, 2, 0));
    Account dave = account("dave@acme.example");
    assertThat(dave.destination().password())
        .isEqualTo(new SecretRef.Prompt("destination password of dave@acme.example on new"));
    assertThat(dave.location()).isEqualTo(new Location(csv, 4, 0));
  }

  @Test
  void load_phases_defaultStepsAndGate() {
    assertThat(plan.phases()).extracting(Phase::name)
        .containsExactly("rehearsal", "bulk", "cutover");
    assertThat(plan.phase("bulk").orElseThrow().steps()).containsExactly(StepKind.SYNC);
    Phase cutover = plan.phase("cutover").orElseThrow();
    assertThat(cutover.steps()).isEqualTo(Defaults.PHASE_STEPS);
    assertThat(cutover.gate()).isEqualTo(Phase.Gate.APPROVAL);
    assertThat(cutover.batch()).isEmpty();
    assertThat(plan.phase("rehearsal").orElseThrow().gate()).isEqualTo(Phase.Gate.NONE);
  }

  @Test
  void load_accountsInOrder_inlineThenCsv() {
    assertThat(plan.accounts()).extracting(Account::id)
        .containsExactly("alice", "bob@acme.example", "carol", "dave@acme.example");
  }

  private static Account account(String id) {
    Optional<Account> a = plan.accounts().stream().filter(x -> x.id().equals(id)).findFirst();
    return a.orElseThrow(() -> new AssertionError("no account " + id));
  }

  static List<String> ids(Plan p) {
    return p.accounts().stream().map(Account::id).toList();
  }
}
