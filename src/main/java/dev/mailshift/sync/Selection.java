package dev.mailshift.sync;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which source messages are copied, beyond the size limits: by INTERNALDATE (ages counted back
 * from the sync's clock; days in UTC), a size floor, and an IMAP SEARCH the source evaluates.
 *
 * @param search the criteria of a UID SEARCH (RFC 3501 6.4.4), printable ASCII
 */
public record Selection(
    Optional<Period> maxAge,
    Optional<Period> minAge,
    Optional<LocalDate> since,
    Optional<LocalDate> before,
    OptionalLong minSize,
    Optional<String> search) {
  public static final Selection ALL = new Selection(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty());

  public Selection {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(minAge, "minAge");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(minSize, "minSize");
    Objects.requireNonNull(search, "search");
  }
}
