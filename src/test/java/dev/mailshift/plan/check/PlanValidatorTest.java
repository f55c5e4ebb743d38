package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {
  static final PlanValidator VALIDATOR = new PlanValidator();

  /** 12 lines; servers old and new, accounts alice and bob. */
  static final String BASE = """
      mailshift: 1
      name: t
      servers:
        old: { imap: "imaps://old.example" }
        new: { imap: "imaps://new.example" }
      accounts:
        defaults: { source-server: old, destination-server: new, source-password: "env:A", destination-password: "env:B" }
        list:
          - source: alice
            batch: pilot
          - source: bob
            batch: bulk
      """;

  static ValidationResult validate(String yaml) {
    return VALIDATOR.validateString(yaml, Path.of("plan.yaml"));
  }

  static Location at(int line, int column) {
    return new Location("plan.yaml", line, column);
  }

  @Test
  void validate_validPlan_noProblemsAndAPlan() {
    ValidationResult r = validate(BASE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.plan()).isPresent();
  }

  @Test
  void validate_loaderAndSchemaFindTheSameMistake_reportedOnceWithTheLoadersMessage() {
    ValidationResult r = validate(BASE.replace("mailshift: 1", "mailshift: 2"));
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).location()).isEqualTo(at(1, 12));
    assertThat(r.problems().get(0).message()).doesNotContain("(schema)");
  }

  @Test
  void validate_mistakesInEveryLayer_allReportedInFileOrder() {
    // given: a key typo (loader + schema), a duplicate id (semantic), a wrong type
    String yaml = BASE.replace("    - source: bob", "    - source: bob\n      id: alice")
        + "messages: { copy-deleted: 1, max-siz: 5MB }\n";

    // when
    ValidationResult r = validate(yaml);

    // then
    assertThat(r.plan()).isEmpty();
    assertThat(r.errors()).extracting(Problem::location)
        .containsExactly(at(11, 7), at(14, 27), at(14, 30));
    assertThat(r.errors().get(0).message())
        .isEqualTo("account id 'alice' is already used at plan.yaml:9:7");
  }

  @Test
  void validate_loadErrors_semanticWarningsWaitButSemanticErrorsShow() {
    // given: a mistyped server (load error) makes 'old' unused (a cascade warning)
    String yaml = BASE.replace("source-server: old", "source-server: odl")
        .replace("    - source: bob", "    - source: bob\n      id: alice");

    // when
    ValidationResult r = validate(yaml);

    // then
    assertThat(r.warnings()).isEmpty();
    assertThat(r.errors()).extracting(Problem::message).containsExactly(
        "server 'odl' is not declared in servers",
        "account id 'alice' is already used at plan.yaml:9:7");
  }

  @Test
  void validate_recursiveAlias_terminatesWithAnError() {
    ValidationResult r = validate(BASE + "x: &a [*a]\n");
    assertThat(r.errors()).extracting(Problem::message).contains("unknown key 'x' in the plan");
  }

  @Nested
  class Semantic {
    @Test
    void validate_sameSourceMailboxTwice_error() {
      ValidationResult r = validate(BASE.replace("source: bob", "source: alice\n      id: a2"));
      assertThat(r.errors()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(at(11, 7));
        assertThat(p.message()).isEqualTo(
            "source mailbox alice on old is already migrated by the account at plan.yaml:9:7");
      });
      assertThat(r.warnings()).extracting(Problem::message).anyMatch(m ->
          m.startsWith("destination mailbox alice on new also receives"));
    }

    @Test
    void validate_accountOntoItself_error() {
      ValidationResult r = validate(BASE.replace("    - source: bob",
          "    - source: bob\n      destination-server: old"));
      assertThat(r.errors()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(at(11, 7));
        assertThat(p.message()).isEqualTo("account bob copies bob on old onto itself");
      });
    }

    @Test
    void validate_duplicatePhaseNames_error() {
      ValidationResult r = validate(BASE + "phases:\n  - { name: a }\n  - { name: a }\n");
      assertThat(r.errors()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(at(15, 5));
        assertThat(p.message()).isEqualTo("phase name 'a' is already used at plan.yaml:14:5");
      });
    }

    @Test
    void validate_phaseBatchWithoutAccounts_warningWithDidYouMean() {
      ValidationResult r = validate(BASE + "phases:\n  - { name: a, batch: pilt }\n"
          + "  - { name: b }\n");
      assertThat(r.errors()).isEmpty();
      assertThat(r.plan()).isPresent();
      assertThat(r.warnings()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(at(14, 5));
        assertThat(p.message()).isEqualTo(
            "phase a selects batch 'pilt', which no account belongs to");
        assertThat(p.fix()).isEqualTo("did you mean 'pilot'?");
      });
    }

    @Test
    void validate_batchNoPhaseSelects_warningAtItsFirstAccount() {
      ValidationResult r = validate(BASE + "phases:\n  - { name: a, batch: pilot }\n");
      assertThat(r.warnings()).singleElement().satisfies(p -> {
        assertThat(p.location()).isEqualTo(at(11, 7));
        assertThat(p.message()).startsWith("no phase selects batch 'bulk'");
      });
    }

    @Test
    void validate_insecureAndPlaintext_warnings() {
      ValidationResult r = validate(BASE
          .replace("imaps://old.example\" }", "imaps://old.example\", insecure: true }")
          .replace("imaps://new.example\" }", "imap://new.example\", plaintext: true }"));
      assertThat(r.errors()).isEmpty();
      assertThat(r.warnings()).extracting(Problem::location).containsExactly(at(4, 8), at(5, 8));
      assertThat(r.warnings().get(0).message()).startsWith("server old is insecure");
      assertThat(r.warnings().get(1).message()).startsWith("server new allows plaintext");
    }

    @Test
    void validate_unusedServer_warning() {
      ValidationResult r = validate(BASE.replace("servers:\n",
          "servers:\n  spare: { imap: \"imaps://spare.example\" }\n"));
      assertThat(r.warnings()).singleElement().satisfies(p ->
          assertThat(p.message()).isEqualTo("server spare is used by no account"));
    }
  }

  @Test
  void validate_unreadableFile_oneError() {
    ValidationResult r = VALIDATOR.validate(Path.of("/nonexistent/plan.yaml"));
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("cannot read the plan file");
      assertThat(p.location().toString()).isEqualTo("/nonexistent/plan.yaml");
    });
  }

  @Test
  void validate_warningsOnly_planIsHandedOut() {
    List<Problem> warnings = validate(BASE.replace("imaps://old.example\" }",
        "imaps://old.example\", insecure: true }")).warnings();
    assertThat(warnings).isNotEmpty();
  }
}
