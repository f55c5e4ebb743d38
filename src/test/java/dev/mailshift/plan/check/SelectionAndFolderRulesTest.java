package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The message selection keys and the folder keys of issue 3, through the whole validator. */
class SelectionAndFolderRulesTest {
  /** PlanValidatorTest.BASE has 12 lines; these tests append from line 13. */
  static final String BASE = PlanValidatorTest.BASE;

  static ValidationResult validate(String appended) {
    return PlanValidatorTest.validate(BASE + appended);
  }

  static Problem onlyError(String appended) {
    ValidationResult r = validate(appended);
    assertThat(r.errors()).as(ProblemFormatter.format(r.problems())).hasSize(1);
    assertThat(r.plan()).isEmpty();
    return r.errors().get(0);
  }

  static Plan plan(String appended) {
    ValidationResult r = validate(appended);
    assertThat(r.problems()).as(ProblemFormatter.format(r.problems())).isEmpty();
    return r.plan().orElseThrow();
  }

  @Nested
  class Messages {
    @Test
    void load_everySelectionKey_readsIntoTheRecord() {
      MessageRules m = plan("""
          messages:
            max-age: 10y
            min-age: 90d
            since: 2015-01-01
            before: "2030-06-30"
            min-size: 1KB
            max-size: 50MB
            search: NOT HEADER X-Spam-Flag YES
          """).messages();

      assertThat(m.maxAge()).contains(Period.ofYears(10));
      assertThat(m.minAge()).contains(Period.ofDays(90));
      assertThat(m.since()).contains(LocalDate.of(2015, 1, 1));
      assertThat(m.before()).contains(LocalDate.of(2030, 6, 30));
      assertThat(m.minSize()).isEqualTo(OptionalLong.of(1000));
      assertThat(m.search()).contains("NOT HEADER X-Spam-Flag YES");
    }

    @Test
    void load_selectionKeysNull_meanNoLimit() {
      MessageRules m = plan("messages: { max-age: null, min-age: null, since: null, before: null,"
          + " min-size: null, search: null }\n").messages();

      assertThat(m).isEqualTo(MessageRules.DEFAULT);
    }

    @Test
    void load_ageInWeeksAndMonths_readsAsPeriods() {
      MessageRules m = plan("messages: { max-age: 6mo, min-age: 2w }\n").messages();

      assertThat(m.maxAge()).contains(Period.ofMonths(6));
      assertThat(m.minAge()).contains(Period.ofWeeks(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "age without unit    | 'messages: { max-age: \"10\" }'             | messages.max-age: '10' is not an age",
        "age in minutes      | 'messages: { max-age: 10m }'                | messages.max-age: '10m' is not an age",
        "zero age            | 'messages: { min-age: 0d }'                 | messages.min-age: '0d' is zero",
        "no such day         | 'messages: { since: 2020-02-30 }'           | messages.since is not a day: '2020-02-30'",
        "day with time       | 'messages: { since: 2020-02-03T10:00:00Z }' | messages.since is not a day",
        "empty window        | 'messages: { since: 2020-01-01, before: 2019-01-01 }' | is not after messages.since",
        "floor above ceiling | 'messages: { min-size: 2MB, max-size: 1MB }' | messages.min-size is above messages.max-size",
        "ages crossed        | 'messages: { min-age: 2y, max-age: 1y }'    | messages.min-age is not below messages.max-age",
        "unknown search key  | 'messages: { search: \"FROMM bob\" }'       | messages.search has an unknown search key 'FROMM'",
        "missing argument    | 'messages: { search: \"NOT HEADER X-Spam\" }' | messages.search ends where an argument of HEADER should follow",
        "open parenthesis    | 'messages: { search: \"(SEEN FLAGGED\" }'   | messages.search has a '(' without its ')'",
        "open quote          | 'messages: { search: \"SUBJECT \\\"hi\" }'   | messages.search has a quoted string without its closing",
        "charset             | 'messages: { search: \"CHARSET UTF-8 ALL\" }' | messages.search sets CHARSET",
        "non-ascii           | 'messages: { search: \"SUBJECT Grüße\" }'   | messages.search has characters other than printable ASCII",
    })
    void validate_badSelection_oneErrorAtTheValueWithAFix(String what, String yaml,
        String message) {
      Problem p = onlyError(yaml + "\n");

      assertThat(p.location().line()).isEqualTo(13);
      assertThat(p.message()).contains(message);
      assertThat(p.fix()).isNotBlank();
    }

    @Test
    void validate_searchWithOrNotParenthesesAndQuotes_isAccepted() {
      MessageRules m = plan("messages: { search: 'OR (FROM \"a b\" SINCE 1-Jan-2020) NOT"
          + " (HEADER X-Spam-Flag YES) 1:100 UNDELETED' }\n").messages();

      assertThat(m.search()).isPresent();
    }
  }

  @Nested
  class Folders {
    @Test
    void load_newFolderKeys_defaultsAreDocumented() {
      FolderRules f = plan("").folders();

      assertThat(f.merge()).isFalse();
      assertThat(f.caseInsensitiveDestination()).isTrue();
      assertThat(f.reservedNames()).containsExactly("Files");
      assertThat(f.gmailLabels()).isEqualTo(FolderRules.GmailLabels.FOLDERS);
    }

    @Test
    void load_newFolderKeys_readPlanWideAndPerAccount() {
      Plan p = plan("""
          folders:
            merge: true
            case-insensitive-destination: false
            reserved-names: [Files, "Conversation History"]
            gmail-labels: skip-duplicates
          """);

      assertThat(p.folders().merge()).isTrue();
      assertThat(p.folders().caseInsensitiveDestination()).isFalse();
      assertThat(p.folders().reservedNames()).containsExactly("Files", "Conversation History");
      assertThat(p.folders().gmailLabels()).isEqualTo(FolderRules.GmailLabels.SKIP_DUPLICATES);
      assertThat(p.accounts()).allMatch(a -> a.folders().merge());
    }

    @Test
    void validate_twoMapEntriesOneTarget_errorAtTheSecondEntryNamingBoth() {
      Problem p = onlyError("folders:\n  map:\n    Gesendet: Sent\n    \"Sent Items\": Sent\n");

      assertThat(p.location()).isEqualTo(PlanValidatorTest.at(16, 5));
      assertThat(p.message()).isEqualTo("folders.map: 'Gesendet' (at plan.yaml:15:5) and"
          + " 'Sent Items' (at plan.yaml:16:5) both map to 'Sent'");
      assertThat(p.fix()).contains("merge: true");
    }

    @Test
    void validate_twoMapEntriesOneTargetWithMerge_isValid() {
      Plan p = plan("folders:\n  merge: true\n  map: { Gesendet: Sent, \"Sent Items\": Sent }\n");

      assertThat(p.folders().map()).hasSize(2);
    }

    @Test
    void validate_mapTargetsDifferingInCase_errorOnACaseInsensitiveDestinationOnly() {
      String yaml = "folders:\n  map: { a: Trash, b: trash }\n";

      assertThat(onlyError(yaml).message()).contains("'a' (at ", "'b' (at ",
          "both map to 'trash'");
      assertThat(plan(yaml.replace("folders:\n",
          "folders:\n  case-insensitive-destination: false\n")).folders().map()).hasSize(2);
    }

    @Test
    void validate_mapTargetReserved_errorAtTheEntryWithTheRuleAndFix() {
      Problem p = onlyError("folders:\n  map:\n    Dateien: files\n");

      assertThat(p.location()).isEqualTo(PlanValidatorTest.at(15, 5));
      assertThat(p.message()).isEqualTo("folders.map target 'files' (for 'Dateien') is 'Files',"
          + " a name the destination reserves (folders.reserved-names)");
      assertThat(p.fix()).contains("folders.reserved-names");
    }

    @Test
    void validate_reservedNamesEmptied_mapOntoFilesIsValid() {
      plan("folders:\n  reserved-names: []\n  map: { Dateien: Files }\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "double slash     | 'folders: { map: { a: \"A//B\" } }'                        | has an empty level",
        "trailing slash   | 'folders: { map: { a: \"A/\" } }'                          | has an empty level",
        "outer space      | 'folders: { map: { a: \"A/ B\" } }'                        | starting or ending with a space",
        "rename leading / | 'folders: { rename: [ { match: \"^(.*)$\", to: \"/$1\" } ] }' | folders.rename rule 1 to: '/$1' gives an empty level",
        "rename reserved  | 'folders: { rename: [ { match: \"^Dateien$\", to: Files } ] }' | a name the destination reserves",
    })
    void validate_targetTheDestinationCannotHold_oneErrorNamingTheRule(String what, String yaml,
        String message) {
      Problem p = onlyError(yaml + "\n");

      assertThat(p.location().line()).isEqualTo(13);
      assertThat(p.message()).contains(message);
    }

    @Test
    void validate_renameWithGroupsOntoReservedLookingTemplate_isLeftToThePlanner() {
      plan("folders: { rename: [ { match: \"^(Files)$\", to: \"$1\" } ] }\n");
    }

    @Test
    void validate_accountReservingANamePlanWideRulesAllow_errorFromTheAccountsRules() {
      // given: plan-wide nothing is reserved; alice's destination reserves Files
      String yaml = BASE.replace("      batch: pilot\n",
          "      batch: pilot\n      folders: { reserved-names: [Files] }\n")
          + "folders: { reserved-names: [], map: { Dateien: Files } }\n";

      // when
      ValidationResult r = PlanValidatorTest.validate(yaml);

      // then
      assertThat(r.errors()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(PlanValidatorTest.at(14, 39));
        assertThat(p.message()).contains("'Files'", "reserves");
      });
    }

    @Test
    void validate_badGmailLabels_errorWithChoices() {
      Problem p = onlyError("folders: { gmail-labels: all }\n");

      assertThat(p.message()).isEqualTo("folders.gmail-labels cannot be 'all'");
      assertThat(p.fix()).contains("all-mail");
    }
  }

}
