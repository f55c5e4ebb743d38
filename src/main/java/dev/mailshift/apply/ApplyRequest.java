package dev.mailshift.apply;

import dev.mailshift.change.ChangeSet;
import dev.mailshift.plan.Phase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one apply needs, secrets already resolved into the targets' credentials.
 *
 * @param saved a change set saved by {@code plan --out}: executed as saved, after checking it is
 *     not stale; empty to plan afresh from the observed state
 * @param dns the zone and what its steps need, when the phase has DNS steps
 */
public record ApplyRequest(
    String planName,
    String planSha256,
    Phase phase,
    String command,
    List<AccountTarget> accounts,
    Optional<ChangeSet> saved,
    Optional<DnsRequest> dns) {
  public ApplyRequest {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(planSha256, "planSha256");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(command, "command");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(saved, "saved");
    Objects.requireNonNull(dns, "dns");
  }

  /** A request without DNS steps. */
  public ApplyRequest(String planName, String planSha256, Phase phase, String command,
      List<AccountTarget> accounts, Optional<ChangeSet> saved) {
    this(planName, planSha256, phase, command, accounts, saved, Optional.empty());
  }
}
