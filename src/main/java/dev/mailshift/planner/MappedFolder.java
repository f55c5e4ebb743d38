package dev.mailshift.planner;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one source folder goes, and why. Names are full server names (each side's separator and
 * namespace prefix); {@code logicalName} is the source name as plan rules see it ("/"-separated,
 * prefix stripped).
 *
 * @param reason why, in words (the text {@code plan} prints)
 * @param why why, for scripts: the kind of decision and the plan rule that made it
 * @param destinationExists whether the destination already has this folder
 * @param subscribe whether the destination folder must still be subscribed (wanted by the plan's
 *     subscription rule and not subscribed yet)
 * @param excludedBecause empty when the folder is migrated; otherwise why not
 * @param createWithRole the SPECIAL-USE attribute to create the destination folder with (it
 *     does not exist and the source folder has that role)
 * @param mergedWith the other source folders that land in the same destination folder ({@code
 *     folders.merge: true}); empty when this folder has its destination to itself
 * @param conflictsWith the other source folders this one conflicts with (the same destination
 *     without {@code merge}, or a destination name it cannot have); the plan stops while any
 *     folder has one. A name problem without another folder is this folder's own name.
 */
public record MappedFolder(
    String sourceFolder,
    String logicalName,
    String destinationFolder,
    String reason,
    MapReason why,
    boolean destinationExists,
    boolean subscribe,
    String excludedBecause,
    Optional<String> createWithRole,
    List<String> mergedWith,
    List<String> conflictsWith) {
  public MappedFolder {
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(excludedBecause, "excludedBecause");
    Objects.requireNonNull(createWithRole, "createWithRole");
    mergedWith = List.copyOf(mergedWith);
    conflictsWith = List.copyOf(conflictsWith);
  }

  /** This folder landing in {@code first}'s destination folder, merged with {@code others}. */
  MappedFolder mergedInto(MappedFolder first, List<String> others) {
    return new MappedFolder(sourceFolder, logicalName, first.destinationFolder(), reason, why,
        first.destinationExists(), subscribe, excludedBecause, first.createWithRole(), others,
        conflictsWith);
  }

  /** This folder marked as conflicting with {@code others} as well. */
  MappedFolder conflicting(List<String> others) {
    List<String> all = new java.util.ArrayList<>(conflictsWith);
    others.stream().filter(o -> !all.contains(o)).forEach(all::add);
    return new MappedFolder(sourceFolder, logicalName, destinationFolder, reason, why,
        destinationExists, subscribe, excludedBecause, createWithRole, mergedWith, all);
  }

  public boolean migrated() {
    return excludedBecause.isEmpty();
  }
}
