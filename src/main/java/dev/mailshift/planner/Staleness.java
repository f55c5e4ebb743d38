package dev.mailshift.planner;

import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.FolderFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a saved change set with what is observed now. Only structural drift counts: the plan
 * file changed, a source folder appeared or vanished, or a UIDVALIDITY changed. New mail is
 * expected between plan and apply and is not drift.
 */
public final class Staleness {
  private Staleness() {}

  public static List<String> differences(
      ChangeSet saved, String currentPlanSha256, List<FolderFingerprint> now) {
    List<String> out = new ArrayList<>();
    if (!saved.planSha256().equals(currentPlanSha256)) {
      out.add("the plan file changed since the plan was saved");
    }
    Map<String, FolderFingerprint> before = index(saved.fingerprints());
    Map<String, FolderFingerprint> after = index(now);
    for (var e : before.entrySet()) {
      FolderFingerprint was = e.getValue();
      FolderFingerprint is = after.get(e.getKey());
      if (is == null) {
        out.add("source folder '" + was.folder() + "' of " + was.account() + " vanished");
      } else if (is.uidValidity() != was.uidValidity()) {
        out.add("source folder '" + was.folder() + "' of " + was.account()
            + " changed UIDVALIDITY from " + was.uidValidity() + " to " + is.uidValidity());
      }
    }
    for (var e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        FolderFingerprint is = e.getValue();
        out.add("source folder '" + is.folder() + "' of " + is.account() + " appeared");
      }
    }
    return out;
  }

  private static Map<String, FolderFingerprint> index(List<FolderFingerprint> fingerprints) {
    Map<String, FolderFingerprint> m = new HashMap<>();
    fingerprints.forEach(f -> m.put(f.account() + "\u0000" + f.folder(), f));
    return m;
  }
}
