package dev.mailshift.plan;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of step a phase can run, by the name the plan language uses. */
public enum StepKind {
  /** Connect to both sides, log in, check capabilities and quotas; change nothing. */
  PREFLIGHT("preflight"),
  /** Create folders, copy new messages, carry flag changes and subscriptions. */
  SYNC("sync"),
  /** Compare source and destination per folder: counts and bytes. */
  VALIDATE("validate");

  private final String yamlName;

  StepKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<StepKind> fromYaml(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }
}
