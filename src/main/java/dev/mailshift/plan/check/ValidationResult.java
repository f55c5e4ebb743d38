package dev.mailshift.plan.check;

import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What validating a plan gave: the plan, present only when no problem is an error (so it is safe
 * to act on), and every problem found, sorted by file and position (plan file first).
 */
public record ValidationResult(Optional<Plan> plan, List<Problem> problems) {
  public ValidationResult {
    Objects.requireNonNull(plan, "plan");
    problems = List.copyOf(problems);
    if (plan.isPresent() && problems.stream().anyMatch(Problem::isError)) {
      throw new IllegalArgumentException("a plan with errors must not be handed out");
    }
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
