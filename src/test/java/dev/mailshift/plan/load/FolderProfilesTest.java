package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * accounts.folder-profiles: named folders blocks picked with folder-profile (defaults, list entry,
 * CSV column), layered plan < defaults < profile < the account's own folders, and every mistake
 * reported at its own line (and column, in the plan; in the CSV at the row's line).
 */
class FolderProfilesTest {
  /** Line numbers matter: the tests assert positions in this text. */
  static final String PLAN = """
      mailshift: 1
      name: t
      servers:
        old: { imap: "imaps://old.example" }
        new: { imap: "imaps://new.example" }
      folders:
        exclude: ["^Junk$"]
        rename: [ { match: "^Plan/(.*)$", to: "P/$1" } ]
      accounts:
        defaults:
          source-server: old
          destination-server: new
          source-password: "env:A"
          destination-password: "env:B"
          folders: { destination-prefix: "Old host" }
        folder-profiles:
          legacy:
            rename:
              - { match: "^Archiv/(.*)$", to: "Archive/$1" }
            map: { "Gesendet": Sent }
          flat:
            destination-prefix: ""
        list:
          - { source: ann, folder-profile: legacy }
          - { source: bob, folder-profile: legacy, folders: { rename: [] } }
          - { source: cid }
        csv: accounts.csv
      """;

  @TempDir Path dir;
  Path plan;
  String csvName;

  @BeforeEach
  void names() {
    plan = dir.resolve("plan.yaml");
    csvName = dir.resolve("accounts.csv").toString();
  }

  LoadResult load(String yaml, String csv) throws IOException {
    Files.writeString(plan, yaml);
    Files.writeString(dir.resolve("accounts.csv"), csv);
    return new PlanLoader().load(plan);
  }

  LoadResult load(String csv) throws IOException {
    return load(PLAN, csv);
  }

  Location at(int line, int column) {
    return new Location(plan.toString(), line, column);
  }

  static Problem onlyError(LoadResult r) {
    List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
    assertThat(errors).as(errors.toString()).hasSize(1);
    assertThat(r.plan()).isEmpty();
    return errors.getFirst();
  }

  static FolderRules rulesOf(LoadResult r, String id) {
    return r.plan().orElseThrow().accounts().stream().filter(a -> a.id().equals(id))
        .findFirst().map(Account::folders).orElseThrow();
  }

  @Test
  void load_inlineAccountWithProfile_layersPlanDefaultsProfileInThatOrder() throws IOException {
    // when
    LoadResult r = load("source,folder-profile\ndan,flat\neve,\n");

    // then
    assertThat(r.problems()).isEmpty();
    FolderRules ann = rulesOf(r, "ann");
    assertThat(ann.profile()).contains("legacy");
    assertThat(ann.exclude()).containsExactly("^Junk$");
    assertThat(ann.destinationPrefix()).isEqualTo("Old host");
    assertThat(ann.rename()).extracting(FolderRules.RenameRule::match)
        .containsExactly("^Archiv/(.*)$");
    assertThat(ann.map()).isEqualTo(Map.of("Gesendet", "Sent"));
  }

  @Test
  void load_profileRules_carryTheProfilesOwnPositions() throws IOException {
    // when
    FolderRules ann = rulesOf(load("source\ndan\n"), "ann");

    // then: the reasons in plan's folder map point into the profile
    assertThat(ann.rename().getFirst().location()).isEqualTo(at(19, 11));
    assertThat(ann.mapLocation("Gesendet")).isEqualTo(at(20, 14));
  }

  @Test
  void load_accountsOwnFolders_replaceTheProfilesKeyAndKeepItsOthers() throws IOException {
    // when
    FolderRules bob = rulesOf(load("source\ndan\n"), "bob");

    // then
    assertThat(bob.rename()).isEmpty();
    assertThat(bob.map()).isEqualTo(Map.of("Gesendet", "Sent"));
    assertThat(bob.profile()).contains("legacy");
  }

  @Test
  void load_accountWithoutProfile_getsPlanAndDefaultsOnly() throws IOException {
    // when
    FolderRules cid = rulesOf(load("source\ndan\n"), "cid");

    // then
    assertThat(cid.profile()).isEmpty();
    assertThat(cid.rename()).extracting(FolderRules.RenameRule::match)
        .containsExactly("^Plan/(.*)$");
    assertThat(cid.destinationPrefix()).isEqualTo("Old host");
  }

  @Test
  void load_csvRowWithProfileColumn_getsTheProfilesRulesAndAnEmptyCellNone() throws IOException {
    // when
    LoadResult r = load("source,folder-profile\ndan,flat\neve,\n");

    // then
    FolderRules dan = rulesOf(r, "dan");
    assertThat(dan.profile()).contains("flat");
    assertThat(dan.destinationPrefix()).isEmpty();
    assertThat(dan.rename()).extracting(FolderRules.RenameRule::match)
        .containsExactly("^Plan/(.*)$");
    FolderRules eve = rulesOf(r, "eve");
    assertThat(eve.profile()).isEmpty();
    assertThat(eve.destinationPrefix()).isEqualTo("Old host");
  }

  @Test
  void load_defaultsNameAProfile_accountsWithoutOneTakeItAndOthersKeepTheirs() throws IOException {
    // given
    String yaml = PLAN.replace("    folders: { destination-prefix: \"Old host\" }\n",
        "    folder-profile: legacy\n");

    // when
    LoadResult r = load(yaml, "source,folder-profile\ndan,flat\neve,\n");

    // then
    assertThat(r.problems()).isEmpty();
    assertThat(rulesOf(r, "cid").profile()).contains("legacy");
    assertThat(rulesOf(r, "eve").profile()).contains("legacy");
    assertThat(rulesOf(r, "eve").map()).isEqualTo(Map.of("Gesendet", "Sent"));
    assertThat(rulesOf(r, "dan").profile()).contains("flat");
  }

  @Test
  void load_unknownProfileOnListEntry_errorAtTheValueListingTheKnownOnes() throws IOException {
    // given
    String yaml = PLAN.replace("{ source: cid }", "{ source: cid, folder-profile: legasy }");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(26, 38));
    assertThat(p.message()).isEqualTo("accounts.list[2].folder-profile names folder profile"
        + " 'legasy', which accounts.folder-profiles does not declare");
    assertThat(p.fix()).isEqualTo("did you mean 'legacy'? declared profiles: legacy, flat");
  }

  @Test
  void load_unknownProfileInDefaults_oneErrorAtTheDefaultsValue() throws IOException {
    // given: every account takes it; reported once, where it is written
    String yaml = PLAN.replace("    folders: { destination-prefix: \"Old host\" }\n",
        "    folder-profile: shared\n");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\neve\n"));

    // then
    assertThat(p.location()).isEqualTo(at(15, 21));
    assertThat(p.message()).isEqualTo("accounts.defaults.folder-profile names folder profile"
        + " 'shared', which accounts.folder-profiles does not declare");
    assertThat(p.fix()).isEqualTo("declared profiles: legacy, flat");
  }

  @Test
  void load_unknownProfileInCsv_errorAtTheRowsLineNamingTheColumn() throws IOException {
    // when
    Problem p = onlyError(load("source,folder-profile\n# comment\ndan,flat\neve,lagacy\n"));

    // then
    assertThat(p.location()).isEqualTo(new Location(csvName, 4, 0));
    assertThat(p.message()).isEqualTo("column folder-profile names folder profile 'lagacy',"
        + " which accounts.folder-profiles does not declare");
    assertThat(p.fix()).startsWith("did you mean 'legacy'?");
  }

  @Test
  void load_csvProfileCellThatIsNoName_isNotRepeated() throws IOException {
    // when: a password pasted into the wrong column
    Problem p = onlyError(load("source,folder-profile\ndan,\"hunter2 !\"\n"));

    // then
    assertThat(p.location()).isEqualTo(new Location(csvName, 2, 0));
    assertThat(p.message()).doesNotContain("hunter2").contains("a value that is no profile name");
    assertThat(p.fix()).doesNotContain("hunter2").isEqualTo("declared profiles: legacy, flat");
  }

  @Test
  void load_profileWithoutAnyDeclared_errorSaysHowToDeclareOne() throws IOException {
    // given
    String yaml = PlanLoaderErrorsTest.BASE.replace("- source: alice",
        "- { source: alice, folder-profile: legacy }");

    // when
    Problem p = onlyError(new PlanLoader().loadString(yaml, plan));

    // then
    assertThat(p.location()).isEqualTo(at(9, 40));
    assertThat(p.message()).isEqualTo("accounts.list[0].folder-profile names folder profile"
        + " 'legacy', but the plan declares no accounts.folder-profiles");
    assertThat(p.fix()).contains("folder-profiles: { legacy: {");
  }

  @Test
  void load_profileWithUnknownKey_errorAtTheKeyInTheProfile() throws IOException {
    // given
    String yaml = PLAN.replace("      destination-prefix: \"\"\n", "      prefix: \"\"\n");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(22, 7));
    assertThat(p.message()).isEqualTo("unknown key 'prefix' in accounts.folder-profiles.flat");
    assertThat(p.fix()).contains("destination-prefix");
  }

  @Test
  void load_profileWithBadRegex_errorAtTheExpressionInTheProfile() throws IOException {
    // given
    String yaml = PLAN.replace("\"^Archiv/(.*)$\"", "\"^Archiv/(.*$\"");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(19, 20));
    assertThat(p.message()).startsWith("accounts.folder-profiles.legacy.rename[0].match is not a"
        + " valid regular expression: ");
  }

  @Test
  void load_unusedProfileWithBadRegex_isStillAnError() throws IOException {
    // given: nobody names legacy, its expression is wrong all the same
    String yaml = PLAN.replace("\"^Archiv/(.*)$\"", "\"^Archiv/(.*$\"")
        .replace(", folder-profile: legacy", "");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(19, 20));
  }

  @Test
  void load_profileNoAccountUses_warningAtItsKeyAndThePlanLoads() throws IOException {
    // when: the CSV names flat for nobody
    LoadResult r = load("source\ndan\n");

    // then
    assertThat(r.plan()).isPresent();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.isError()).isFalse();
      assertThat(p.location()).isEqualTo(at(21, 5));
      assertThat(p.message()).isEqualTo("folder profile 'flat' is used by no account");
      assertThat(p.fix()).contains("folder-profile: flat");
    });
  }

  @Test
  void load_profileNamedWithASpace_errorAtTheName() throws IOException {
    // given
    String yaml = PLAN.replace("    flat:\n", "    \"fl at\":\n");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(21, 5));
    assertThat(p.message()).isEqualTo("folder profile name 'fl at' has characters other than"
        + " letters, digits, . _ -");
  }

  @Test
  void load_accountsWithoutProfiles_haveNoProfile() {
    // when
    LoadResult r = PlanLoaderErrorsTest.load(PlanLoaderErrorsTest.BASE);

    // then
    assertThat(r.plan().orElseThrow().accounts().getFirst().folders().profile())
        .isEqualTo(Optional.empty());
  }

  @Test
  void load_profileMapsTwoFoldersToOne_errorAtTheProfilesSecondEntry() throws IOException {
    // given: checked with the rules the account ends up with (merge is false)
    String yaml = PLAN.replace("map: { \"Gesendet\": Sent }",
        "map: { \"Gesendet\": Sent, \"Sent Items\": Sent }");

    // when
    Problem p = onlyError(load(yaml, "source\ndan\n"));

    // then
    assertThat(p.location()).isEqualTo(at(20, 32));
    assertThat(p.message()).isEqualTo("folders.map: 'Gesendet' (at " + at(20, 14) + ") and"
        + " 'Sent Items' (at " + at(20, 32) + ") both map to 'Sent'");
  }
}
