package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.testsupport.ProjectFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan in the top-level plans/ directory validates without an error, so examples never rot;
 * {@code api.ExamplePlanSnapshotTest} snapshots their {@code plan} output.
 */
class ExamplePlansTest {
  static final PlanValidator VALIDATOR = new PlanValidator();

  static Stream<Path> examplePlans() {
    return ProjectFiles.examplePlans().stream();
  }

  @ParameterizedTest
  @MethodSource("examplePlans")
  void validate_examplePlan_noErrors(Path plan) {
    ValidationResult result = VALIDATOR.validate(plan);
    assertThat(result.errors()).as(ProblemFormatter.format(result.problems())).isEmpty();
    assertThat(result.plan()).isPresent();
  }

  @Test
  void examplePlans_includeTheDocumentedOnes() {
    assertThat(examplePlans().map(p -> p.getFileName().toString()))
        .contains("minimal.yaml", "acme-to-newhost.yaml", "acme-dns-cutover.yaml",
            "acme-dns-only.yaml", "gmail-to-dovecot.yaml");
  }
}
