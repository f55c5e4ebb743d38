package dev.mailshift.api;

import dev.mailshift.plan.Problem;
import java.nio.file.Path;
import java.util.List;

/** The outcome of {@code validate}: every problem found, errors and warnings. */
public record ValidateResult(Path planFile, List<Problem> problems, boolean secretsChecked) {
  public ValidateResult {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  public long warnings() {
    return problems.stream().filter(p -> !p.isError()).count();
  }
}
