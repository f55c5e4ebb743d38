package dev.mailshift.planner;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one source folder goes, and why. Names are full server names (each side's separator and
 * namespace prefix); {@code logicalName} is the source name as plan rules see it ("/"-separated,
 * prefix stripped).
 *
 * @param destinationExists whether the destination already has this folder
 * @param subscribe whether the destination folder must still be subscribed (wanted by the plan's
 *     subscription rule and not subscribed yet)
 * @param excludedBecause empty when the folder is migrated; otherwise why not
 * @param createWithRole the SPECIAL-USE attribute to create the destination folder with (it
 *     does not exist and the source folder has that role)
 */
public record MappedFolder(
    String sourceFolder,
    String logicalName,
    String destinationFolder,
    String reason,
    boolean destinationExists,
    boolean subscribe,
    String excludedBecause,
    Optional<String> createWithRole) {
  public MappedFolder {
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(excludedBecause, "excludedBecause");
    Objects.requireNonNull(createWithRole, "createWithRole");
  }

  public boolean migrated() {
    return excludedBecause.isEmpty();
  }
}
