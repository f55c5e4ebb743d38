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
  VALIDATE("validate"),
  /** Lower the TTL of the MX set to the cutover TTL, recording when and from which TTL. */
  DNS_TTL("dns-ttl"),
  /** Publish SPF, DKIM, DMARC, SRV and autoconfig records. */
  DNS_AUTH("dns-auth"),
  /** Switch the MX set, once the TTL served before the lowering has run out. */
  DNS_MX("dns-mx"),
  /** Put the MX set back to the normal TTL after the switch. */
  DNS_RESTORE_TTL("dns-restore-ttl"),
  /** Check SPF, DKIM and DMARC and that every authoritative server serves the managed records. */
  DNS_VALIDATE("dns-validate");

  private final String yamlName;

  StepKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** True for the steps that work on the plan's {@code dns:} zone rather than on accounts. */
  public boolean isDns() {
    return yamlName.startsWith("dns-");
  }

  public static Optional<StepKind> fromYaml(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }
}
