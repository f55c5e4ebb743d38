package dev.mailshift.plan.load;

import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a plan gave: the plan, present only when no problem is an error, and every
 * problem found (errors and warnings, in the order found).
 */
public record LoadResult(Optional<Plan> plan, List<Problem> problems) {
  public LoadResult {
    Objects.requireNonNull(plan, "plan");
    problems = List.copyOf(problems);
    if (plan.isPresent() && problems.stream().anyMatch(Problem::isError)) {
      throw new IllegalArgumentException("a plan with errors must not be handed out");
    }
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
