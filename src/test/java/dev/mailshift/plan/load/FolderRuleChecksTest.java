package dev.mailshift.plan.load;

import static dev.mailshift.plan.load.PlanLoaderErrorsTest.BASE;
import static dev.mailshift.plan.load.PlanLoaderErrorsTest.at;
import static dev.mailshift.plan.load.PlanLoaderErrorsTest.load;
import static dev.mailshift.plan.load.PlanLoaderErrorsTest.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Problem;
import org.junit.jupiter.api.Test;

/**
 * Folder rules whose fault is visible in the plan alone fail {@code validate}, offline, at the
 * rule's line and column: a map entry an exclude pattern makes unused, a folder mapped onto
 * INBOX without merge, a destination prefix no server can hold.
 */
class FolderRuleChecksTest {

  @Test
  void load_mapEntryForAnExcludedFolder_errorAtTheEntryNamingThePattern() {
    // given: the exclude pattern wins, so the map entry would never be used
    String yaml = BASE + "folders:\n  exclude: [\"^Projects/\"]\n"
        + "  map: { \"Projects/Alpha\": Alpha }\n";

    // when
    Problem p = onlyError(yaml);

    // then
    assertThat(p.location()).isEqualTo(at(12, 10));
    assertThat(p.message()).isEqualTo("folders.map entry 'Projects/Alpha' is for a folder that"
        + " folders.exclude pattern '^Projects/' leaves out (exclude wins), so the entry is never"
        + " used");
    assertThat(p.fix()).contains("remove the map entry", "narrow the exclude pattern");
  }

  @Test
  void load_mapEntryOutsideTheIncludePatterns_isValidBecauseTheEntryIncludesIt() {
    LoadResult r = load(BASE + "folders:\n  include: [\"^Work/\"]\n  map: { Old: New }\n");

    assertThat(r.problems()).isEmpty();
  }

  @Test
  void load_mapTargetInboxWithoutMerge_errorAtTheEntry() {
    Problem p = onlyError(BASE + "folders:\n  map: { Posteingang: INBOX }\n");

    assertThat(p.location()).isEqualTo(at(11, 10));
    assertThat(p.message()).isEqualTo("folders.map entry 'Posteingang' maps a folder onto INBOX,"
        + " where the source's INBOX goes too");
    assertThat(p.fix()).contains("folders.merge: true");
  }

  @Test
  void load_renameLiteralTargetInboxWithoutMerge_errorAtTheRule() {
    Problem p = onlyError(BASE + "folders:\n  rename:\n    - { match: \"^Eingang$\", to: inbox }\n");

    assertThat(p.location()).isEqualTo(at(12, 7));
    assertThat(p.message()).isEqualTo("folders.rename rule 1 (^Eingang$) maps a folder onto"
        + " INBOX, where the source's INBOX goes too");
  }

  @Test
  void load_mapTargetInboxWithMergeOrInboxMovedAway_isValid() {
    assertThat(load(BASE + "folders:\n  merge: true\n  map: { Posteingang: INBOX }\n")
        .problems()).isEmpty();
    assertThat(load(BASE + "folders:\n  map: { Posteingang: INBOX, INBOX: \"Old/INBOX\" }\n")
        .problems()).isEmpty();
  }

  @Test
  void load_destinationPrefixWithEmptyLevel_errorAtTheValue() {
    Problem p = onlyError(BASE + "folders:\n  destination-prefix: \"Old//host\"\n");

    assertThat(p.location()).isEqualTo(at(11, 23));
    assertThat(p.message()).isEqualTo("folders.destination-prefix 'Old//host' has an empty level"
        + " ('Old//host': a leading, trailing or double /)");
    assertThat(p.fix()).contains("destination-prefix: \"Old host\"");
  }

  @Test
  void load_accountDestinationPrefixWithLeadingSlash_errorAtTheAccountsValue() {
    Problem p = onlyError(BASE + "      folders: { destination-prefix: \"/Old host\" }\n");

    assertThat(p.location()).isEqualTo(at(10, 38));
    assertThat(p.message()).startsWith(
        "accounts.list[0].folders.destination-prefix '/Old host' has an empty level");
  }

  @Test
  void load_twoMapEntriesOneTargetInAnAccountBlock_errorNamesBothEntriesWithTheirPositions() {
    // given
    String yaml = BASE + "      folders:\n        map:\n          Gesendet: Sent\n"
        + "          \"Sent Items\": Sent\n";

    // when
    Problem p = onlyError(yaml);

    // then
    assertThat(p.location()).isEqualTo(at(13, 11));
    assertThat(p.message()).isEqualTo("folders.map: 'Gesendet' (at plan.yaml:12:11) and"
        + " 'Sent Items' (at plan.yaml:13:11) both map to 'Sent'");
  }

  @Test
  void load_renameTemplateWithALeadingSpaceBeforeAGroup_saysWhichPartOfToWhateverTheGroupIs() {
    Problem p = onlyError(BASE + "folders:\n  rename:\n"
        + "    - { match: \"^Old/(.*)$\", to: \" $1/x\" }\n");

    assertThat(p.location()).isEqualTo(at(12, 7));
    assertThat(p.message()).isEqualTo(
        "folders.rename rule 1 to: ' $1/x' gives a level with a leading space whatever $1 is");
    assertThat(p.message()).doesNotContain("' x'");
  }

  @Test
  void load_renameTemplateWithADoubleSlashOrATrailingSpace_errorWhateverTheGroupsAre() {
    Problem doubleSlash = onlyError(BASE + "folders:\n  rename:\n"
        + "    - { match: \"^(.*)/(.*)$\", to: \"$1//$2\" }\n");
    Problem trailing = onlyError(BASE + "folders:\n  rename:\n"
        + "    - { match: \"^(?<year>\\\\d+)$\", to: \"Archiv ${year} /x\" }\n");

    assertThat(doubleSlash.message()).isEqualTo("folders.rename rule 1 to: '$1//$2' gives an"
        + " empty level (a leading, trailing or double '/') whatever $1 and $2 are");
    assertThat(trailing.message()).isEqualTo("folders.rename rule 1 to: 'Archiv ${year} /x'"
        + " gives a level with a trailing space whatever ${year} is");
  }

  @Test
  void load_renameTemplateFaultyOnlyForSomeGroupValues_isValid() {
    // given: $1 may be empty (giving '/x') or start with a space, but need not: the planner
    // checks each real folder's name
    String yaml = BASE + "folders:\n  rename:\n    - { match: \"^Old(.*)$\", to: \"$1/x\" }\n"
        + "    - { match: \"^(.*)-(.*)$\", to: \"$1$2\" }\n";

    assertThat(load(yaml).problems()).isEmpty();
  }

  @Test
  void load_renameToGroupOfAMatchWithoutGroups_fixSaysHowToMakeOne() {
    Problem p = onlyError(BASE + "folders:\n  rename: [ { match: \"^Old$\", to: \"New/$1\" } ]\n");

    assertThat(p.message()).isEqualTo("folders.rename[0].to refers to $1 but match has no such"
        + " group");
    assertThat(p.fix()).isEqualTo("match has no (group): put ( ) around the part of the folder"
        + " name to carry over (the first ( ) is $1), or write to: without $; write \\$ for a"
        + " literal dollar sign");
  }

  @Test
  void load_renameToGroupBeyondTheOneGroup_fixNamesOnlyDollarOne() {
    Problem p = onlyError(BASE + "folders:\n  rename: [ { match: \"^A/(.*)$\", to: \"B/$3\" } ]\n");

    assertThat(p.fix()).isEqualTo("use $1 for the one (group) in match; write \\$ for a literal"
        + " dollar sign");
  }

  @Test
  void load_renameToUnknownGroupWithSeveralAndNamedGroups_fixListsNumbersAndNames() {
    Problem p = onlyError(BASE + "folders:\n  rename: [ { match:"
        + " \"^(?<year>\\\\d+)/(\\\\w+)/(?<rest>.*)$\", to: \"${month}/$1\" } ]\n");

    assertThat(p.message()).isEqualTo("folders.rename[0].to refers to ${month} but match has no"
        + " such group");
    assertThat(p.fix()).isEqualTo("use $1 to $3 for the 3 (groups) in match (or by name: ${year}"
        + " and ${rest}); write \\$ for a literal dollar sign");
  }

  @Test
  void load_planWideMapEntryExcludedByAnAccountsOwnPattern_errorAtThePatternNamingTheAccount() {
    // given: the plan-wide entry is fine for other accounts; alice's own exclude makes it unused
    String yaml = BASE + "      folders:\n        exclude: [\"^Projects/\"]\n"
        + "    - source: bob\n"
        + "folders:\n  map: { \"Projects/Alpha\": Alpha }\n";

    // when
    Problem p = onlyError(yaml);

    // then
    assertThat(p.location()).isEqualTo(at(11, 19));
    assertThat(p.message()).isEqualTo("account alice: folders.map entry 'Projects/Alpha'"
        + " (at plan.yaml:14:10) is for a folder that accounts.list[0].folders.exclude pattern"
        + " '^Projects/' (at plan.yaml:11:19) leaves out (exclude wins), so the entry is never"
        + " used");
    assertThat(p.fix()).contains("give account alice its own folders.map or folders.exclude");
  }

  @Test
  void load_accountMapEntryExcludedByAPlanWidePattern_errorAtTheEntryNamingTheAccount() {
    String yaml = BASE + "      folders: { map: { \"Projects/Alpha\": Alpha } }\n"
        + "folders:\n  exclude: [\"^Projects/\"]\n";

    Problem p = onlyError(yaml);

    assertThat(p.location()).isEqualTo(at(10, 25));
    assertThat(p.message()).isEqualTo("account alice: accounts.list[0].folders.map entry"
        + " 'Projects/Alpha' (at plan.yaml:10:25) is for a folder that folders.exclude pattern"
        + " '^Projects/' (at plan.yaml:12:13) leaves out (exclude wins), so the entry is never"
        + " used");
  }

  @Test
  void load_planWideMapEntryExcludedByAccountsDefaults_oneErrorNamingAccountsDefaults() {
    // given: two accounts take the exclude of accounts.defaults
    String yaml = BASE.replace("destination-password: \"env:B\" }",
        "destination-password: \"env:B\", folders: { exclude: [\"^Projects/\"] } }")
        + "    - source: bob\n"
        + "folders:\n  map: { \"Projects/Alpha\": Alpha }\n";

    // when
    Problem p = onlyError(yaml);

    // then
    assertThat(p.location().line()).isEqualTo(7);
    assertThat(p.message()).isEqualTo("accounts.defaults: folders.map entry 'Projects/Alpha'"
        + " (at plan.yaml:12:10) is for a folder that accounts.defaults.folders.exclude pattern"
        + " '^Projects/' (at " + p.location() + ") leaves out (exclude wins), so the entry is"
        + " never used");
  }
}
