package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Server;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema's defaults are the loader's: a plan that writes every schema {@code default} out
 * (JSON is YAML, so they are pasted in as they stand) loads to the same plan as one that omits
 * them.
 */
class SchemaDefaultsTest {
  static final PlanValidator VALIDATOR = new PlanValidator();
  static final JsonNode DEFS = PlanSchemaAgreementTest.SCHEMA.path("$defs");

  /** The object whose members are each property's default, for a $defs entry. */
  static String defaults(String def) {
    ObjectNode out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    DEFS.path(def).path("properties").properties().forEach(e -> {
      JsonNode d = e.getValue().get("default");
      if (d != null && !e.getKey().equals("limits")) {
        out.set(e.getKey(), d);
      }
    });
    return out.toString();
  }

  @Test
  void load_everySchemaDefaultWrittenOut_samePlanAsNone() {
    // given
    String implicit = PlanValidatorTest.BASE;
    JsonNode root = PlanSchemaAgreementTest.SCHEMA.path("properties");
    String serverDefaults = defaults("server");
    String explicit = implicit
        .replace("imaps://old.example\" }", "imaps://old.example\", "
            + serverDefaults.substring(1, serverDefaults.length() - 1)
            + ", limits: " + defaults("limits") + " }")
        + "folders: " + defaults("folders") + "\n"
        + "messages: " + defaults("messages") + "\n"
        + "state: " + defaults("state") + "\n"
        + "phases: " + root.path("phases").path("default") + "\n";

    // when
    Plan a = VALIDATOR.validateString(implicit, Path.of("plan.yaml")).plan().orElseThrow();
    ValidationResult b = VALIDATOR.validateString(explicit, Path.of("plan.yaml"));

    // then
    assertThat(b.problems()).isEmpty();
    Plan e = b.plan().orElseThrow();
    assertThat(e.server("old")).usingRecursiveComparison().ignoringFields("location")
        .isEqualTo(a.server("old"));
    assertThat(e.server("old").limits()).isEqualTo(Server.Limits.DEFAULT);
    assertThat(e.folders()).isEqualTo(a.folders());
    assertThat(e.accounts()).extracting(x -> x.folders()).containsOnly(a.folders());
    assertThat(e.messages()).isEqualTo(a.messages());
    assertThat(e.state()).isEqualTo(a.state());
    assertThat(e.phases()).hasSize(1);
    Phase p = e.phases().get(0);
    Phase implicitPhase = a.phases().get(0);
    assertThat(p.name()).isEqualTo(implicitPhase.name());
    assertThat(p.steps()).isEqualTo(implicitPhase.steps());
    assertThat(p.gate()).isEqualTo(implicitPhase.gate());
    assertThat(p.batch()).isEqualTo(implicitPhase.batch());
  }
}
