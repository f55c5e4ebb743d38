package dev.mailshift.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named stage of the migration (rehearsal, bulk, cutover...), run by {@code apply --phase
 * NAME}. It selects accounts (all, or one batch) and runs its steps in order.
 *
 * @param gate {@code approval}: apply refuses the phase unless {@code --approve} is given
 */
public record Phase(
    String name, Optional<String> batch, List<StepKind> steps, Gate gate, Location location) {

  public enum Gate {
    NONE,
    APPROVAL
  }

  public Phase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(batch, "batch");
    steps = List.copyOf(steps);
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(location, "location");
  }

  /** True when the phase has a step that works on accounts (and so needs accounts). */
  public boolean hasAccountSteps() {
    return steps.stream().anyMatch(s -> !s.isDns());
  }

  /** True when the phase has a step that works on the {@code dns:} zone. */
  public boolean hasDnsSteps() {
    return steps.stream().anyMatch(StepKind::isDns);
  }

  /** The implicit phase of a plan that declares none. */
  public static Phase implicitMigrate() {
    return new Phase(
        "migrate",
        Optional.empty(),
        List.of(StepKind.PREFLIGHT, StepKind.SYNC, StepKind.VALIDATE),
        Gate.NONE,
        Location.UNKNOWN);
  }
}
