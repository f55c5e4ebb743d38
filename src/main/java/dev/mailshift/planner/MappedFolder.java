package dev.mailshift.planner;

import java.util.List;
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
 * @param mergedWith the other source folders that land in the same destination folder ({@code
 *     folders.merge: true}); empty when this folder has its destination to itself
 */
public record MappedFolder(
    String sourceFolder,
    String logicalName,
    String destinationFolder,
    String reason,
    boolean destinationExists,
    boolean subscribe,
    String excludedBecause,
    Optional<String> createWithRole,
    List<String> mergedWith) {
  public MappedFolder {
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(excludedBecause, "excludedBecause");
    Objects.requireNonNull(createWithRole, "createWithRole");
    mergedWith = List.copyOf(mergedWith);
  }

  /** This folder landing in {@code first}'s destination folder, merged with {@code others}. */
  MappedFolder mergedInto(MappedFolder first, List<String> others) {
    return new MappedFolder(sourceFolder, logicalName, first.destinationFolder(), reason,
        first.destinationExists(), subscribe, excludedBecause, first.createWithRole(), others);
  }

  public boolean migrated() {
    return excludedBecause.isEmpty();
  }
}
