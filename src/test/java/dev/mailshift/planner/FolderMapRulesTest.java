package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules part of the folder map as scripts read it: the kind of each decision with the rule
 * and its position, conflicts marked on the folders involved, map entries for INBOX and outside
 * the include patterns honoured, and rules that matched nothing reported.
 */
class FolderMapRulesTest {
  private static final ServerInfo COURIER =
      new ServerInfo(Set.of("IMAP4REV1"), "INBOX.", '.', OptionalLong.empty());
  private static final ServerInfo FS =
      new ServerInfo(Set.of("IMAP4REV1", "SPECIAL-USE"), "", '/', OptionalLong.empty());
  private static final Location MAP_AT = new Location("plan.yaml", 12, 5);
  private static final Location RENAME_AT = new Location("plan.yaml", 15, 7);

  private static FolderInfo dot(String name, String... attrs) {
    return new FolderInfo(name, '.', Set.of(attrs), true);
  }

  private static FolderRules rules(List<String> include, List<String> exclude,
      Map<String, String> map, List<FolderRules.RenameRule> rename, String prefix,
      boolean merge) {
    FolderRules d = FolderRules.DEFAULT;
    Map<String, Location> where = new java.util.HashMap<>();
    int line = MAP_AT.line();
    for (String k : new java.util.TreeMap<>(map).keySet()) {
      where.put(k, new Location("plan.yaml", line++, 5));
    }
    return new FolderRules(include, exclude, map, rename, prefix, d.specialUse(),
        d.subscriptions(), d.separatorReplacement(), merge, d.caseInsensitiveDestination(),
        d.reservedNames(), d.gmailLabels(), where);
  }

  private static FolderMap map(FolderRules rules, List<FolderInfo> source) {
    return new FolderMapper(rules).map("alice", COURIER, source, FS,
        List.of(new FolderInfo("INBOX", '/', Set.of(), true)));
  }

  private static MappedFolder folder(FolderMap m, String source) {
    return m.folders().stream().filter(f -> f.sourceFolder().equals(source)).findFirst()
        .orElseThrow();
  }

  @Test
  void map_mapEntryForInbox_movesInboxUnderTheNewName() {
    // given
    FolderRules r = rules(List.of(), List.of(), Map.of("INBOX", "Old host/INBOX"), List.of(), "",
        false);

    // when
    FolderMap m = map(r, List.of(dot("INBOX"), dot("INBOX.Work")));

    // then
    MappedFolder inbox = folder(m, "INBOX");
    assertThat(inbox.destinationFolder()).isEqualTo("Old host/INBOX");
    assertThat(inbox.why().kind()).isEqualTo(MapReason.Kind.MAP_ENTRY);
    assertThat(inbox.destinationExists()).isFalse();
    assertThat(m.conflicts()).isEmpty();
  }

  @Test
  void map_withoutMapEntryAndWithPrefix_inboxStaysInbox() {
    FolderMap m = map(rules(List.of(), List.of(), Map.of(), List.of(), "Old host", false),
        List.of(dot("INBOX"), dot("INBOX.Work")));

    assertThat(folder(m, "INBOX").destinationFolder()).isEqualTo("INBOX");
    assertThat(folder(m, "INBOX.Work").destinationFolder()).isEqualTo("Old host/Work");
  }

  @Test
  void map_mapEntryOutsideIncludePatterns_isMigrated() {
    // given: include names Work/ only, a map entry names Old
    FolderRules r = rules(List.of("^Work/"), List.of(), Map.of("Old", "Archive/Old"), List.of(),
        "", false);

    // when
    FolderMap m = map(r, List.of(dot("INBOX"), dot("INBOX.Old"), dot("INBOX.Other")));

    // then
    assertThat(folder(m, "INBOX.Old").destinationFolder()).isEqualTo("Archive/Old");
    assertThat(folder(m, "INBOX.Other").why().kind()).isEqualTo(MapReason.Kind.NOT_INCLUDED);
  }

  @Test
  void map_everyDecision_hasItsKindAndTheRuleWithItsPosition() {
    // given
    FolderRules r = rules(List.of(), List.of("^Spam$"), Map.of("Old", "Older"),
        List.of(new FolderRules.RenameRule("^Proj/(.*)$", "Projects/$1", RENAME_AT)), "", false);

    // when
    FolderMap m = map(r, List.of(dot("INBOX"), dot("INBOX.Old"), dot("INBOX.Proj.A"),
        dot("INBOX.Gesendet"), dot("INBOX.Spam"), dot("INBOX.Kalender"), dot("INBOX.Misc")));

    // then
    assertThat(folder(m, "INBOX").why()).isEqualTo(MapReason.of(MapReason.Kind.INBOX));
    assertThat(folder(m, "INBOX.Old").why().rule()).contains(
        new MapReason.Rule("map", 1, "Old", MAP_AT));
    assertThat(folder(m, "INBOX.Proj.A").why()).isEqualTo(new MapReason(
        MapReason.Kind.RENAME_RULE, Optional.of(new MapReason.Rule("rename", 1, "^Proj/(.*)$",
            RENAME_AT)), Optional.empty()));
    assertThat(folder(m, "INBOX.Gesendet").why()).isEqualTo(new MapReason(
        MapReason.Kind.SPECIAL_USE_NAME, Optional.empty(), Optional.of("\\Sent")));
    assertThat(folder(m, "INBOX.Spam").why().kind()).isEqualTo(MapReason.Kind.EXCLUDED);
    assertThat(folder(m, "INBOX.Kalender").why().kind()).isEqualTo(MapReason.Kind.NON_MAIL);
    assertThat(folder(m, "INBOX.Misc").why().kind()).isEqualTo(MapReason.Kind.SAME_NAME);
    assertThat(m.unusedRules()).isEmpty();
  }

  @Test
  void map_renameOntoAFolderMappedByIdentity_conflictMarkedOnBothFolders() {
    // given: Old Stuff is renamed to Kunden, which the source's own Kunden keeps by name
    FolderRules r = rules(List.of(), List.of(), Map.of(),
        List.of(new FolderRules.RenameRule("^Old Stuff$", "Kunden", RENAME_AT)), "", false);

    // when
    FolderMap m = map(r, List.of(dot("INBOX"), dot("INBOX.Kunden"), dot("INBOX.Old Stuff")));

    // then
    assertThat(m.conflicts()).singleElement().asString()
        .contains("'INBOX.Kunden' (same name)", "'INBOX.Old Stuff' (rename rule 1 (^Old Stuff$)"
            + " at plan.yaml:15:7)", "both map to destination folder 'Kunden'");
    assertThat(folder(m, "INBOX.Kunden").conflictsWith()).containsExactly("INBOX.Old Stuff");
    assertThat(folder(m, "INBOX.Old Stuff").conflictsWith()).containsExactly("INBOX.Kunden");
  }

  @Test
  void map_rulesMatchingNothing_areListedUnused() {
    // given
    FolderRules r = rules(List.of(), List.of(), Map.of("Sent Items", "Sent"), List.of(
        new FolderRules.RenameRule("^Work/(.*)$", "Job/$1", RENAME_AT)), "", false);

    // when
    FolderMap m = map(r, List.of(dot("INBOX"), dot("INBOX.Private")));

    // then
    assertThat(m.unusedRules()).containsExactly(
        new MapReason.Rule("map", 1, "Sent Items", MAP_AT),
        new MapReason.Rule("rename", 1, "^Work/(.*)$", RENAME_AT));
  }

  @Test
  void unusedInAll_ruleUsedInOneAccount_isNotReported() {
    // given: the same rules on two accounts; only bob has a Work folder
    FolderRules r = rules(List.of(), List.of(), Map.of(), List.of(
        new FolderRules.RenameRule("^Work/(.*)$", "Job/$1", RENAME_AT),
        new FolderRules.RenameRule("^Nothing$", "X", new Location("plan.yaml", 16, 7))), "",
        false);
    FolderMap alice = map(r, List.of(dot("INBOX")));
    FolderMap bob = map(r, List.of(dot("INBOX"), dot("INBOX.Work.A")));

    // when
    List<MapReason.Rule> unused = FolderMap.unusedInAll(List.of(alice, bob));

    // then
    assertThat(unused).extracting(MapReason.Rule::number).containsExactly(2);
    assertThat(FolderMap.describeUnused(unused.get(0))).startsWith(
        "folders.rename rule 2 (^Nothing$) at plan.yaml:16:7 matched no migrated source folder"
            + " in any account");
  }
}
