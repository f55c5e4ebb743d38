package dev.mailshift.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A source message deliberately not copied, kept for {@code status}; {@code reason} is the sync engine's reason name. */
public record SkipRecord(
    String account,
    String sourceFolder,
    long sourceUidValidity,
    long sourceUid,
    long size,
    Optional<Instant> internalDate,
    String reason,
    String detail) {
  public SkipRecord {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(internalDate, "internalDate");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
