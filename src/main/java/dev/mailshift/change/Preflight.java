package dev.mailshift.change;

import java.util.List;
import java.util.Objects;

/**
 * Check that both sides of an account can be reached, logged into, and offer what the sync needs.
 * Changes nothing. {@code findings} are what {@code plan} already observed (e.g. "destination
 * lacks UIDPLUS: slower matching").
 */
public record Preflight(String account, List<String> findings) implements Change {
  public Preflight {
    Objects.requireNonNull(account, "account");
    findings = List.copyOf(findings);
  }

  @Override
  public String id() {
    return "preflight:" + account;
  }

  @Override
  public String summary() {
    return "check logins and capabilities of " + account;
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.NOT_NEEDED;
  }
}
