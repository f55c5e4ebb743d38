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
}
