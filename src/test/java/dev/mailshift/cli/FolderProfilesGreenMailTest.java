package dev.mailshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.testsupport.Cli;
import dev.mailshift.testsupport.GreenMailServers;
import dev.mailshift.testsupport.PlanYaml;
import dev.mailshift.testsupport.RawImap;
import dev.mailshift.testsupport.TestMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Folder profiles end to end on two GreenMail servers, with accounts from a CSV file: the row that
 * names a profile gets its folder renamed by the profile's rule, the row that names none keeps the
 * name, both checked on the destination; {@code plan} names the profile (text and JSON); and a
 * saved plan is refused as stale for the accounts whose folder rules changed since, whether the
 * profile itself changed or a CSV row now names it.
 */
class FolderProfilesGreenMailTest {
  private static final String ANN = "ann@test.example";
  private static final String BOB = "bob@test.example";
  private static final String CSV = "source,folder-profile\n" + ANN + ",german\n" + BOB + ",\n";

  @RegisterExtension
  static GreenMailExtension source = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @RegisterExtension
  static GreenMailExtension destination = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  @TempDir Path dir;

  @BeforeEach
  void setUp() {
    for (String user : new String[] {ANN, BOB}) {
      source.setUser(user, user, "s");
      destination.setUser(user, user, "d");
      try (ImapSession s = GreenMailServers.session(source, user, "s")) {
        s.create("Projekte");
        s.append("Projekte", TestMessage.simple("plan for " + user, "<p-" + user + ">"),
            Set.of(), Instant.parse("2025-01-01T00:00:00Z"));
      }
    }
  }

  /** The profile's rename rule is on line 10, its mapping at column 25. */
  private Path plan(String renameTo, String csv) throws Exception {
    Files.writeString(dir.resolve("accounts.csv"), csv);
    return PlanYaml.plain("profiles-test", source.getImap().getPort(),
            destination.getImap().getPort())
        .accountKeys("""
            csv: accounts.csv
            folder-profiles:
              german: { rename: [ { match: "^Projekte(.*)$", to: "%s" } ] }
            """.formatted(renameTo))
        .extra("state: { path: state.db }")
        .writeTo(dir);
  }

  private static Cli.Run mailshift(String... args) {
    return Cli.mailshift(PlanYaml.env("s", "d"), args);
  }

  private String destinationFolders(String user) {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), user, "d")) {
      return imap.command("LIST \"\" \"*\"");
    }
  }

  private String status(String user, String folder) {
    try (RawImap imap = new RawImap("127.0.0.1", destination.getImap().getPort(), user, "d")) {
      return imap.command("STATUS \"" + folder + "\" (MESSAGES)");
    }
  }

  @Test
  void apply_csvRowWithProfile_renamesByTheProfilesRuleAndRowWithoutKeepsTheName()
      throws Exception {
    // given
    Path plan = plan("Projects$1", CSV);

    // when
    Cli.Run applied = mailshift("apply", plan.toString());

    // then
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(status(ANN, "Projects")).contains("MESSAGES 1");
    assertThat(destinationFolders(ANN)).doesNotContain("Projekte");
    assertThat(status(BOB, "Projekte")).contains("MESSAGES 1");
    assertThat(destinationFolders(BOB)).doesNotContain("Projects");
  }

  @Test
  void plan_csvRowWithProfile_namesTheProfileAndTheRulesPlaceInTextAndJson() throws Exception {
    // given
    Path plan = plan("Projects$1", CSV);

    // when
    Cli.Run text = mailshift("plan", plan.toString());
    Cli.Run json = mailshift("plan", plan.toString(), "--json");

    // then
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains(ANN + "\n  folder map (profile german):\n")
        .contains("Projekte -> Projects  (rename rule 1 (^Projekte(.*)$) at " + plan
            + ":10:25, new)")
        .contains(BOB + "\n  folder map:\n")
        .contains("Projekte -> Projekte  (same name, new)");
    JsonNode accounts = new ObjectMapper().readTree(json.out()).path("accounts");
    assertThat(accounts.get(0).path("account").asString()).isEqualTo(ANN);
    assertThat(accounts.get(0).path("folderProfile").asString()).isEqualTo("german");
    assertThat(accounts.get(1).path("folderProfile").isNull()).isTrue();
    JsonNode projekte = accounts.get(0).path("folders").valueStream()
        .filter(f -> f.path("sourceFolder").asString().equals("Projekte")).findFirst()
        .orElseThrow();
    assertThat(projekte.path("why").path("rule").path("at").path("line").asInt()).isEqualTo(10);
    assertThat(projekte.path("why").path("rule").path("at").path("column").asInt())
        .isEqualTo(25);
  }

  @Test
  void apply_savedPlanThenCsvRowNamesTheProfile_staleForThatAccountNothingCopied()
      throws Exception {
    // given: a saved plan, then bob's row names the profile (the plan file is unchanged)
    Path plan = plan("Projects$1", CSV);
    Path saved = dir.resolve("saved.json");
    Cli.Run planned = mailshift("plan", plan.toString(), "--out", saved.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    plan("Projects$1", CSV.replace(BOB + ",", BOB + ",german"));

    // when
    Cli.Run applied = mailshift("apply", plan.toString(), "--plan-file", saved.toString());

    // then
    assertThat(applied.code()).isEqualTo(9);
    assertThat(applied.err()).contains(BOB + ": the account's folder rules changed")
        .doesNotContain(ANN + ": the account's folder rules changed");
    assertThat(destinationFolders(ANN)).doesNotContain("Projects");
    assertThat(destinationFolders(BOB)).doesNotContain("Projekte").doesNotContain("Projects");
  }

  @Test
  void apply_savedPlanThenProfileChanged_staleForTheAccountsUsingItNothingCopied()
      throws Exception {
    // given: a saved plan, then the profile renames to another name
    Path plan = plan("Projects$1", CSV);
    Path saved = dir.resolve("saved.json");
    Cli.Run planned = mailshift("plan", plan.toString(), "--out", saved.toString());
    assertThat(planned.code()).as(planned.err()).isZero();
    plan("Customers$1", CSV);

    // when
    Cli.Run applied = mailshift("apply", plan.toString(), "--plan-file", saved.toString());

    // then
    assertThat(applied.code()).isEqualTo(9);
    assertThat(applied.err()).contains(ANN + ": the account's folder rules changed")
        .doesNotContain(BOB + ": the account's folder rules changed");
    assertThat(destinationFolders(ANN)).doesNotContain("Projects").doesNotContain("Customers");
    assertThat(destinationFolders(BOB)).doesNotContain("Projekte");
  }
}
