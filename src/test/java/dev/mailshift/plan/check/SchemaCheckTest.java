package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.load.PlanDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Schema errors land on the YAML position of what they are about. */
class SchemaCheckTest {
  static final SchemaCheck SCHEMA = new SchemaCheck();

  static List<Problem> check(String yaml) {
    PlanDocument doc = PlanDocument.parse(yaml.getBytes(StandardCharsets.UTF_8),
        Path.of("plan.yaml"));
    return SCHEMA.check(new JsonTree(doc.root().orElseThrow(), "plan.yaml"));
  }

  static Location at(int line, int column) {
    return new Location("plan.yaml", line, column);
  }

  @Test
  void check_validPlan_noErrors() {
    assertThat(check(PlanValidatorTest.BASE)).isEmpty();
  }

  @Test
  void check_unknownProperty_atTheKey() {
    List<Problem> p = check(PlanValidatorTest.BASE + "state:\n  pth: x\n");
    assertThat(p).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo(at(14, 3));
      assertThat(e.message()).isEqualTo("state property 'pth' is not defined in the schema and"
          + " the schema does not allow additional properties (schema)");
    });
  }

  @Test
  void check_missingRequired_atTheMapping() {
    List<Problem> p = check(PlanValidatorTest.BASE + "phases:\n  - batch: x\n");
    assertThat(p).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo(at(14, 5));
      assertThat(e.message()).contains("required property 'name' not found");
    });
  }

  @Test
  void check_wrongType_atTheValue() {
    List<Problem> p = check(PlanValidatorTest.BASE + "messages:\n  deletion-ceiling: lots\n");
    assertThat(p).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo(at(14, 21));
      assertThat(e.message()).startsWith("messages.deletion-ceiling ");
    });
  }

  @Test
  void check_badServerName_atTheKey() {
    List<Problem> p = check(PlanValidatorTest.BASE.replace("  new: {", "  n w: {")
        .replace("destination-server: new", "destination-server: n w"));
    assertThat(p).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo(at(5, 3)));
  }

  @Test
  void check_imapNotAUri_formatIsAsserted() {
    List<Problem> p = check(PlanValidatorTest.BASE.replace("imaps://new.example",
        "imaps://[new.example"));
    assertThat(p).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo(at(5, 16));
      assertThat(e.message()).contains("uri");
    });
  }

  @Test
  void check_plaintextWithImaps_atTheValue() {
    List<Problem> p = check(PlanValidatorTest.BASE.replace("imaps://new.example\" }",
        "imaps://new.example\", plaintext: true }"));
    assertThat(p).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo(at(5, 50)));
  }
}
