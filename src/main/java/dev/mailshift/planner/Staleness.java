package dev.mailshift.planner;

import dev.mailshift.change.AccountFingerprint;
import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.SetDnsRecords;
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

  /**
   * The accounts of {@code saved} (those with steps) whose mailboxes or folder rules differ from
   * {@code now}'s: the saved plan was made against other servers or users, or with other folder
   * rules (a CSV row naming another folder profile), or by a mailshift that did not record them,
   * and its steps describe other mailboxes or another folder map.
   */
  public static List<String> accountDifferences(ChangeSet saved, List<AccountFingerprint> now) {
    Map<String, AccountFingerprint> before = new HashMap<>();
    saved.accountFingerprints().forEach(f -> before.put(f.account(), f));
    Map<String, AccountFingerprint> after = new HashMap<>();
    now.forEach(f -> after.put(f.account(), f));
    List<String> out = new ArrayList<>();
    List<String> accounts = saved.changes().stream()
        .filter(c -> !(c instanceof SetDnsRecords || c instanceof CheckDns))
        .map(Change::account).distinct().toList();
    for (String account : accounts) {
      AccountFingerprint was = before.get(account);
      AccountFingerprint is = after.get(account);
      if (is == null) {
        out.add(account + ": the saved plan has steps for this account, the plan's phase no"
            + " longer has it");
      } else if (was == null) {
        out.add(account + ": the saved plan does not record which servers it was made against");
      } else if (!was.source().equals(is.source())
          || !was.destination().equals(is.destination())) {
        out.add(account + ": the saved plan was made for source " + was.source()
            + " and destination " + was.destination() + "; the plan now names source "
            + is.source() + " and destination " + is.destination());
      } else if (!was.folderRules().equals(is.folderRules())) {
        out.add(account + ": the account's folder rules changed since the plan was saved (its"
            + " folder-profile, that profile's rules, or a folders block), so its folder map may"
            + " differ");
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
