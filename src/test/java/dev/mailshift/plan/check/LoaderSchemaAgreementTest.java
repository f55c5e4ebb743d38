package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Problem;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loader and schema reject the same values at the same place: each mistake gives exactly one
 * problem, the loader's (the schema's duplicate is dropped). A schema error the loader does not
 * also report would show here as a second problem, or as a "(schema)" message.
 */
class LoaderSchemaAgreementTest {
  static final PlanValidator VALIDATOR = new PlanValidator();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty name            | 'name: t'                        | 'name: \"\"'",
      "version 2             | 'mailshift: 1'                   | 'mailshift: 2'",
      "version as text       | 'mailshift: 1'                   | 'mailshift: \"1\"'",
      "no servers            | 'old: { imap: \"imaps://old.example\" }' | ''",
      "empty state path      | 'name: t'                        | 'name: t\nstate: { path: \"\" }'",
      "empty destination     | '- source: bob'                  | '- { source: bob, destination: \"\" }'",
      "bad id                | '- source: bob'                  | '- { source: bob, id: \"b o b\" }'",
      "empty map target      | 'name: t'                        | 'name: t\nfolders: { map: { a: \"\" } }'",
      "empty rename match    | 'name: t'                        | 'name: t\nfolders: { rename: [ { match: \"\", to: x } ] }'",
      "rename without to     | 'name: t'                        | 'name: t\nfolders: { rename: [ { match: x } ] }'",
      "null folders          | 'name: t'                        | 'name: t\nfolders:'",
      "empty phases          | 'name: t'                        | 'name: t\nphases: []'",
      "empty steps           | 'name: t'                        | 'name: t\nphases: [ { name: a, steps: [] } ]'",
      "phase without name    | 'name: t'                        | 'name: t\nphases: [ { gate: approval } ]'",
      "bad gate              | 'name: t'                        | 'name: t\nphases: [ { name: a, gate: maybe } ]'",
      "zero max-size         | 'name: t'                        | 'name: t\nmessages: { max-size: 0 }'",
      "negative ceiling      | 'name: t'                        | 'name: t\nmessages: { deletion-ceiling: -1 }'",
      "zero connections      | '\"imaps://old.example\" }'      | '\"imaps://old.example\", limits: { connections: 0 } }'",
      "text retries          | '\"imaps://old.example\" }'      | '\"imaps://old.example\", limits: { retries: \"5\" } }'",
      "bad bytes-per-second  | '\"imaps://old.example\" }'      | '\"imaps://old.example\", limits: { bytes-per-second: 5XB } }'",
      "bad url               | 'imaps://old.example'            | 'ftp://old.example'",
      "url with path         | 'imaps://old.example'            | 'imaps://old.example/INBOX'",
      "text insecure         | '\"imaps://old.example\" }'      | '\"imaps://old.example\", insecure: \"no\" }'",
      "plain password        | 'env:A'                          | 'hunter2'",
      "unknown server key    | '\"imaps://old.example\" }'      | '\"imaps://old.example\", tls: on }'",
      "bad server name       | 'servers:'                       | 'servers:\n  o d: { imap: \"imaps://x.example\" }'",
      "empty separator       | 'name: t'                        | 'name: t\nfolders: { separator-replacement: \"\" }'",
      "bad batch             | '- source: bob'                  | '- { source: bob, batch: \"a b\" }'",
      "bad max-age           | 'name: t'                        | 'name: t\nmessages: { max-age: 10x }'",
      "bad since             | 'name: t'                        | 'name: t\nmessages: { since: yesterday }'",
      "zero min-size         | 'name: t'                        | 'name: t\nmessages: { min-size: 0 }'",
      "text merge            | 'name: t'                        | 'name: t\nfolders: { merge: \"yes\" }'",
      "bad gmail-labels      | 'name: t'                        | 'name: t\nfolders: { gmail-labels: labels }'",
      "empty reserved name   | 'name: t'                        | 'name: t\nfolders: { reserved-names: [\"\"] }'",
      "unknown profile       | '- source: bob'                  | '- { source: bob, folder-profile: p }'",
      "bad profile reference | '- source: bob'                  | '- { source: bob, folder-profile: \"a b\" }'",
      "empty profile ref     | '- source: bob'                  | '- { source: bob, folder-profile: \"\" }'",
      "unknown profile key   | '  list:'                        | '  folder-profiles: { p: { prefix: x } }\n  list:'",
      "bad profile name      | '  list:'                        | '  folder-profiles: { \"a b\": {} }\n  list:'",
      "bad profile regex     | '  list:'                        | '  folder-profiles: { p: { exclude: [\"(\"] } }\n  list:'",
      "profile not a mapping | '  list:'                        | '  folder-profiles: { p: x }\n  list:'",
  })
  void validate_oneMistake_exactlyOneProblemFromTheLoader(String what, String from, String to) {
    // given
    String base = PlanValidatorTest.BASE.replace("          batch: bulk\n", "");
    String yaml = base.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("mutation applies").isNotEqualTo(base);

    // when
    ValidationResult r = VALIDATOR.validateString(yaml, Path.of("plan.yaml"));

    // then
    assertThat(r.errors()).as(ProblemFormatter.format(r.problems())).hasSize(1);
    assertThat(r.errors()).extracting(Problem::message).noneMatch(m -> m.endsWith("(schema)"));
  }
}
