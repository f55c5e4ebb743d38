package dev.mailshift.plan;

import java.util.Objects;

/**
 * A resolved secret value (a password, a TSIG key). Its {@code toString()} is a mask, so a secret
 * that slips into a log line, an exception message or a record's generated {@code toString} never
 * shows its value. Read the value only where it is handed to a protocol library.
 */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** The clear value; call only at the point of use (a login, a signature). */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
