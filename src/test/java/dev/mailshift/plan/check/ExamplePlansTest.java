package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every plan in the top-level plans/ directory validates without an error, so examples never rot. */
class ExamplePlansTest {
  static final PlanValidator VALIDATOR = new PlanValidator();

  static Stream<Path> examplePlans() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("plans"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examplePlans")
  void validate_examplePlan_noErrors(Path plan) {
    ValidationResult result = VALIDATOR.validate(plan);
    assertThat(result.errors()).as(ProblemFormatter.format(result.problems())).isEmpty();
    assertThat(result.plan()).isPresent();
  }

  @Test
  void examplePlans_includeTheDocumentedOnes() throws IOException {
    assertThat(examplePlans().map(p -> p.getFileName().toString()))
        .contains("minimal.yaml", "acme-to-newhost.yaml", "acme-dns-cutover.yaml",
            "acme-dns-only.yaml");
  }
}
