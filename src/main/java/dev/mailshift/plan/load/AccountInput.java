package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import java.util.Optional;

/**
 * What one account entry (a {@code list} item, a CSV row, or {@code accounts.defaults}) says,
 * each value with where it was written, before defaults are applied.
 *
 * @param location the entry itself: the list item, or the CSV line
 * @param where how messages name the entry: {@code accounts.list[3]}, {@code accounts.csv:12}
 */
record AccountInput(
    Location location,
    String where,
    Optional<Value> source,
    Optional<Value> destination,
    Optional<Value> id,
    Optional<Value> batch,
    Optional<Value> sourceServer,
    Optional<Value> destinationServer,
    Optional<SecretTemplate> sourcePassword,
    Optional<SecretTemplate> destinationPassword,
    Optional<Value> folderProfile,
    FolderOverrides folders) {

  /**
   * A text value and where it was written. {@code valid == false}: the key was written with an
   * unusable value, already reported; it counts as present (no "missing" error) but is not
   * checked again.
   */
  record Value(String text, Location location, boolean valid) {
    Value(String text, Location location) {
      this(text, location, true);
    }
  }

  static AccountInput none(Location location, String where) {
    return new AccountInput(location, where, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), FolderOverrides.NONE);
  }
}
