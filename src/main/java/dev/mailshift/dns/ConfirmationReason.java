package dev.mailshift.dns;

import java.util.Objects;

/** Why a change (or a whole change set, when {@code key} is empty) needs explicit confirmation. */
public record ConfirmationReason(String key, String reason) {
  public ConfirmationReason {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
  }
}
