package dev.mailshift.change;

import java.util.List;
import java.util.Objects;

/**
 * Replace one RRset: {@code before} is what the reference server served when observed (the
 * compare-and-swap expectation: the write is refused if the RRset holds anything else by then),
 * {@code after} what it must hold. Reversible: the journal keeps {@code before} as the rollback
 * record before the write.
 *
 * <p>A {@link Purpose#LOWER_TTL} change whose {@code before} equals {@code after} writes nothing:
 * the TTL is already at or below the cutover TTL, and the step only records from when the MX
 * switch may happen.
 *
 * @param zone the zone apex (canonical, final dot)
 * @param name the owner name (canonical, final dot)
 * @param type the record type mnemonic, e.g. {@code MX}
 * @param purpose the step that makes the change
 * @param confirmationReasons why the change needs {@code --confirm}; empty when it does not
 */
public record SetDnsRecords(
    String zone,
    String name,
    String type,
    Purpose purpose,
    RrsetValue before,
    RrsetValue after,
    List<String> confirmationReasons)
    implements Change {

  /** The DNS step a change belongs to, by its plan name. */
  public enum Purpose {
    LOWER_TTL("dns-ttl"),
    AUTH("dns-auth"),
    SWITCH_MX("dns-mx"),
    RESTORE_TTL("dns-restore-ttl");

    private final String step;

    Purpose(String step) {
      this.step = step;
    }

    public String step() {
      return step;
    }
  }

  public SetDnsRecords {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    confirmationReasons = List.copyOf(confirmationReasons);
    if (before.equals(after) && purpose != Purpose.LOWER_TTL) {
      throw new IllegalArgumentException("no change for " + name + " " + type);
    }
  }

  /** DNS changes belong to the pseudo-account {@code dns:<zone>} (no account id has a colon). */
  @Override
  public String account() {
    return "dns:" + zone;
  }

  @Override
  public String id() {
    return purpose.step() + ":" + name + ":" + type;
  }

  @Override
  public String summary() {
    String rrset = name + " " + type;
    return switch (purpose) {
      case LOWER_TTL -> writes() ? "lower the TTL of " + rrset + " from " + before.ttl() + " to "
          + after.ttl() : "record that " + rrset + " is served with TTL " + before.ttl()
          + " (at or below the cutover TTL)";
      case RESTORE_TTL -> "restore the TTL of " + rrset + " to " + after.ttl();
      case SWITCH_MX -> "switch " + rrset + " to " + String.join(", ", after.records());
      case AUTH -> (marker().equals("-") ? "delete " : marker().equals("+") ? "create "
          : "replace ") + rrset;
    };
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.REVERSIBLE;
  }

  /** False for a TTL stage that only records the wait. */
  public boolean writes() {
    return !before.equals(after);
  }

  /** {@code +} the RRset is created, {@code -} deleted, {@code ~} changed, {@code =} unchanged. */
  public String marker() {
    if (!writes()) {
      return "=";
    }
    if (!before.exists()) {
      return "+";
    }
    return after.exists() ? "~" : "-";
  }
}
