package dev.mailshift.apply;

import dev.mailshift.state.StepStatus;
import dev.mailshift.change.ChangeSet;
import java.util.List;

/** What an apply did: the run id, the change set it executed, and each step's result. */
public record ApplyOutcome(long runId, ChangeSet changeSet, List<StepResult> steps) {
  public ApplyOutcome {
    steps = List.copyOf(steps);
  }

  public List<StepResult> failed() {
    return steps.stream().filter(s -> s.status() == StepStatus.FAILED).toList();
  }

  public boolean succeeded() {
    return failed().isEmpty();
  }
}
