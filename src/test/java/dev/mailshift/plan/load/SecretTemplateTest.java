package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.SecretRef;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ${user} and ${id} interpolation, and nothing else. */
class SecretTemplateTest {
  static final Path BASE = Path.of("/plans");
  static final Location AT = new Location("plan.yaml", 3, 4);

  ReadContext ctx = new ReadContext("plan.yaml", BASE);

  SecretRef instantiate(String text, String user, String id) {
    SecretTemplate t = SecretTemplate.parse(text, AT, "k", ctx).orElseThrow();
    return t.instantiate(user, id, BASE, "label");
  }

  @Test
  void instantiate_env_fillsUserAndId() {
    assertThat(instantiate("env:PW_${id}_${user}", "ann@x", "a1"))
        .isEqualTo(new SecretRef.Env("PW_a1_ann@x"));
  }

  @Test
  void instantiate_file_resolvesAgainstThePlanDirectory() {
    assertThat(instantiate("file:secrets/${user}", "ann@x", "a1"))
        .isEqualTo(new SecretRef.File(Path.of("/plans/secrets/ann@x")));
  }

  @Test
  void instantiate_fileWithSlashInUser_refused() {
    SecretTemplate t = SecretTemplate.parse("file:s/${user}", AT, "k", ctx).orElseThrow();
    assertThatThrownBy(() -> t.instantiate("../../etc/passwd", "x", BASE, "l"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the login or id would leave the secrets folder");
  }

  @Test
  void instantiate_cmd_shellQuotesValues() {
    assertThat(instantiate("cmd:pass show mail/${user}", "o'brien; rm -rf ~", "x"))
        .isEqualTo(new SecretRef.Command("pass show mail/'o'\\''brien; rm -rf ~'"));
  }

  @Test
  void instantiate_valueHoldingAVariable_isNotSubstitutedAgain() {
    assertThat(instantiate("env:PW_${user}", "${id}", "a1"))
        .isEqualTo(new SecretRef.Env("PW_${id}"));
  }

  @Test
  void instantiate_escapedDollar_staysLiteral() {
    assertThat(instantiate("env:A$${user}", "ann", "a")).isEqualTo(new SecretRef.Env("A${user}"));
  }

  @Test
  void instantiate_prompt_usesTheLabel() {
    assertThat(instantiate("prompt", "ann", "a")).isEqualTo(new SecretRef.Prompt("label"));
  }

  /**
   * Other lookups are an error, not left literal: a literal ${env:HOME} would name a variable
   * nobody means and fail far from this line; and the lookups behind Text4Shell never run.
   */
  @ParameterizedTest
  @ValueSource(strings = {"env:${env:HOME}", "file:${script:javascript:1+1}",
      "cmd:${sys:user.home}", "env:${dns:address|example.com}", "env:${user:-x}", "env:${USER}"})
  void parse_otherVariables_error(String text) {
    Optional<SecretTemplate> t = SecretTemplate.parse(text, AT, "source-password", ctx);
    assertThat(t).isEmpty();
    Problem p = ctx.problems().get(0);
    assertThat(p.location()).isEqualTo(AT);
    assertThat(p.message()).startsWith("source-password uses ${")
        .endsWith(": only ${user} and ${id} can be used");
    assertThat(p.fix()).isEqualTo("remove it, or write $${ for a literal ${");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2", "ENV:X", "s3cr3t", "prompt:x", "password123", "letmein"})
  void parse_plainValue_errorWithoutTheValue(String text) {
    assertThat(SecretTemplate.parse(text, AT, "k", ctx)).isEmpty();
    Problem p = ctx.problems().get(0);
    assertThat(p.message()).isEqualTo("k: " + SecretTemplate.PLAIN_MESSAGE);
    assertThat(p.message() + p.fix()).doesNotContain(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"env:", "file:", "cmd:  "})
  void parse_emptyReference_error(String text) {
    assertThat(SecretTemplate.parse(text, AT, "k", ctx)).isEmpty();
    assertThat(ctx.problems().get(0).message()).endsWith(" names nothing");
  }
}
