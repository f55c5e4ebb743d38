package dev.mailshift.planner;

import dev.mailshift.sync.FolderDiff;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was observed of one account, already mapped: the folder map, the source UIDVALIDITY of
 * every migrated folder, capability findings, Gmail labels (for a Gmail source), and (for
 * {@code plan}) the per-folder diffs, in the order given. When
 * {@code diffs} is empty the planner emits sync steps without counts ({@code apply} straight
 * from the YAML does not pay for a diff it is about to do anyway).
 */
public record AccountObservation(
    String account,
    FolderMap folderMap,
    Map<String, Long> sourceUidValidity,
    List<String> findings,
    Map<String, FolderDiff> diffs,
    GmailLabels gmail) {
  public AccountObservation {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(folderMap, "folderMap");
    sourceUidValidity = Map.copyOf(sourceUidValidity);
    findings = List.copyOf(findings);
    // the order given (the folder map's), not Map.copyOf's, which changes from run to run:
    // plan --json lists the diffs in this order
    diffs.forEach((k, v) -> Objects.requireNonNull(v, k));
    diffs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diffs));
    Objects.requireNonNull(gmail, "gmail");
  }
}
