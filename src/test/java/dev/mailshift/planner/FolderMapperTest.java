package dev.mailshift.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Location;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FolderMapperTest {
  private static final ServerInfo COURIER = new ServerInfo(Set.of("IMAP4REV1"), "INBOX.", '.', OptionalLong.empty());
  private static final ServerInfo FS = new ServerInfo(Set.of("IMAP4REV1", "SPECIAL-USE"), "", '/', OptionalLong.empty());

  private static FolderInfo dot(String name, String... attrs) {
    return new FolderInfo(name, '.', Set.of(attrs), true);
  }

  private static FolderInfo slash(String name, String... attrs) {
    return new FolderInfo(name, '/', Set.of(attrs), true);
  }

  /** Rules with the given keys and the defaults of the others. */
  static FolderRules rules(List<String> include, List<String> exclude, Map<String, String> map,
      List<FolderRules.RenameRule> rename, String prefix, FolderRules.SpecialUse specialUse,
      FolderRules.Subscriptions subscriptions, String separatorReplacement) {
    FolderRules d = FolderRules.DEFAULT;
    return new FolderRules(include, exclude, map, rename, prefix, specialUse, subscriptions,
        separatorReplacement, d.merge(), d.caseInsensitiveDestination(), d.reservedNames(),
        d.gmailLabels(), Map.of());
  }

  private static FolderMap map(FolderRules rules, List<FolderInfo> source, List<FolderInfo> destination) {
    return new FolderMapper(rules).map("alice", COURIER, source, FS, destination);
  }

  private static String destinationOf(FolderMap m, String source) {
    return folder(m, source).destinationFolder();
  }

  private static MappedFolder folder(FolderMap m, String source) {
    return m.folders().stream().filter(f -> f.sourceFolder().equals(source)).findFirst()
        .orElseThrow();
  }

  @Test
  void map_prefixedDotSourceToSlashDestination_stripsPrefixAndTranslatesSeparator() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX"), dot("INBOX.Projects"), dot("INBOX.Projects.2024"), dot("INBOX.Entwürfe")),
        List.of(slash("INBOX")));

    assertThat(destinationOf(m, "INBOX")).isEqualTo("INBOX");
    assertThat(destinationOf(m, "INBOX.Projects")).isEqualTo("Projects");
    assertThat(destinationOf(m, "INBOX.Projects.2024")).isEqualTo("Projects/2024");
    assertThat(destinationOf(m, "INBOX.Entwürfe")).isEqualTo("Entwürfe");
    assertThat(m.conflicts()).isEmpty();
  }

  @Test
  void map_destinationSeparatorInsideName_isReplaced() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.a/b")), List.of());

    assertThat(destinationOf(m, "INBOX.a/b")).isEqualTo("a_b");
  }

  @Test
  void map_specialUseOnBothSides_mapsByRole() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX.Gesendet", "\\Sent")),
        List.of(slash("Sent Items", "\\Sent")));

    MappedFolder f = m.folders().get(0);
    assertThat(f.destinationFolder()).isEqualTo("Sent Items");
    assertThat(f.reason()).isEqualTo("special-use \\Sent");
    assertThat(f.destinationExists()).isTrue();
  }

  @Test
  void map_rulesInOrder_mapBeatsRenameBeatsIdentity() {
    FolderRules rules = rules(List.of(), List.of("^Junk$"), Map.of("Old", "Archive/Old"),
        List.of(new FolderRules.RenameRule("^Archiv/(.*)$", "Archive/$1", Location.UNKNOWN)),
        "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules,
        List.of(dot("INBOX.Old"), dot("INBOX.Archiv.2019"), dot("INBOX.Junk"), dot("INBOX.Other")), List.of());

    assertThat(destinationOf(m, "INBOX.Old")).isEqualTo("Archive/Old");
    assertThat(destinationOf(m, "INBOX.Archiv.2019")).isEqualTo("Archive/2019");
    assertThat(m.folders().stream().filter(f -> f.sourceFolder().equals("INBOX.Junk")).findFirst().orElseThrow()
        .excludedBecause()).contains("^Junk$");
    assertThat(destinationOf(m, "INBOX.Other")).isEqualTo("Other");
  }

  @Test
  void map_twoSourcesToOneDestination_isAConflictNamingBoth() {
    FolderRules rules = rules(List.of(), List.of(), Map.of("A", "Same", "B", "Same"), List.of(),
        "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.A"), dot("INBOX.B")), List.of());

    assertThat(m.conflicts()).singleElement().asString().contains("INBOX.A", "INBOX.B", "Same");
  }

  @Test
  void map_namesDifferingOnlyInCaseOnCaseSensitiveDestination_warns() {
    FolderMap m = map(with(FolderRules.DEFAULT, false, false, List.of()),
        List.of(dot("INBOX.projects"), dot("INBOX.Projects")), List.of());

    assertThat(m.conflicts()).isEmpty();
    assertThat(m.warnings()).singleElement().asString().contains("case");
  }

  @Test
  void map_namesDifferingOnlyInCaseOnCaseInsensitiveDestination_isAnErrorNamingBoth() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.projects"), dot("INBOX.Projects")), List.of());

    assertThat(m.conflicts()).singleElement().asString()
        .contains("'INBOX.projects'", "'INBOX.Projects'", "case-insensitive", "folders.merge: true");
  }

  @Test
  void map_namesDifferingOnlyInCaseWithMerge_landInTheFirstSpellingByNameMarkedAsMerged() {
    FolderMap m = map(with(FolderRules.DEFAULT, true, true, List.of()),
        List.of(dot("INBOX.projects"), dot("INBOX.Projects")), List.of());

    assertThat(m.conflicts()).isEmpty();
    assertThat(m.migrated()).extracting(MappedFolder::destinationFolder)
        .as("the first by name, whatever order the server listed them in")
        .containsExactly("Projects", "Projects");
    assertThat(folder(m, "INBOX.projects").mergedWith()).containsExactly("INBOX.Projects");
    assertThat(folder(m, "INBOX.Projects").mergedWith()).containsExactly("INBOX.projects");
  }

  @Test
  void map_twoMapEntriesOneTargetWithMerge_isAMergeNotAConflict() {
    FolderRules rules = with(rules(List.of(), List.of(), Map.of("A", "Same", "B", "Same"),
        List.of(), "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_"),
        true, true, List.of());

    FolderMap m = map(rules, List.of(dot("INBOX.A"), dot("INBOX.B")), List.of());

    assertThat(m.conflicts()).isEmpty();
    assertThat(m.migrated()).allMatch(f -> f.destinationFolder().equals("Same")
        && f.mergedWith().size() == 1);
  }

  @Test
  void map_ontoAReservedName_isAnErrorNamingTheFolderTheRuleAndTheFix() {
    FolderRules rules = rules(List.of(), List.of(), Map.of(),
        List.of(new FolderRules.RenameRule("^Dateien$", "FILES", new Location("plan.yaml", 12, 7))),
        "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.Dateien"), dot("INBOX.Files")), List.of());

    // then: both reserved, and on a case-insensitive destination also one folder
    assertThat(m.conflicts()).hasSize(3);
    assertThat(m.conflicts().get(0)).contains("'INBOX.Dateien'", "plan.yaml:12:7", "'FILES'",
        "folders.reserved-names: Files", "fix:");
    assertThat(m.conflicts().get(1)).contains("'INBOX.Files'", "same name", "reserves");
    assertThat(m.conflicts().get(2)).contains("case-insensitive");
  }

  @Test
  void map_renameProducingAnEmptyLevel_isAnErrorNamingTheRuleAndFolder() {
    FolderRules rules = rules(List.of(), List.of(), Map.of(),
        List.of(new FolderRules.RenameRule("^Old(.*)$", "Archive/$1", new Location("plan.yaml", 14, 7))),
        "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.Old")), List.of());

    assertThat(m.conflicts()).singleElement().asString()
        .contains("'INBOX.Old'", "plan.yaml:14:7", "'Archive/'", "empty level");
  }

  @Test
  void map_separatorReplacementCollision_isAConflictSayingWhatWasReplaced() {
    // given: "a.b" is one level on a '/' source; on a '.' destination the '.' becomes '_'
    ServerInfo dotDestination = new ServerInfo(Set.of("IMAP4REV1"), "INBOX.", '.', OptionalLong.empty());
    FolderMap m = new FolderMapper(FolderRules.DEFAULT).map("alice", FS,
        List.of(slash("a.b"), slash("a_b")), dotDestination, List.of());

    assertThat(m.conflicts()).singleElement().asString()
        .contains("'a.b'", "'a_b'", "'.' in a name replaced by '_'", "INBOX.a_b");
  }

  @Test
  void map_mapEntry_reasonNamesItsLocation() {
    FolderRules base = rules(List.of(), List.of(), Map.of("Old", "New"), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");
    FolderRules rules = new FolderRules(base.include(), base.exclude(), base.map(), base.rename(),
        "", base.specialUse(), base.subscriptions(), "_", false, true, List.of(),
        FolderRules.GmailLabels.FOLDERS, Map.of("Old", new Location("plan.yaml", 9, 5)));

    FolderMap m = map(rules, List.of(dot("INBOX.Old")), List.of());

    assertThat(m.folders().get(0).reason()).isEqualTo("map entry 'Old' at plan.yaml:9:5");
  }

  @Test
  void map_namesWithAmpersandSlashDotAndEmoji_keepTheirCharactersAndTranslateTheSeparator() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.R&D"), dot("INBOX.a/b"),
        dot("INBOX.📁 Projekte.2024"), dot("INBOX.Entwu\u0308rfe")), List.of(slash("Drafts", "\\Drafts")));

    assertThat(destinationOf(m, "INBOX.R&D")).isEqualTo("R&D");
    assertThat(destinationOf(m, "INBOX.a/b")).isEqualTo("a_b");
    assertThat(folder(m, "INBOX.a/b").reason()).contains("'/' in a name replaced by '_'");
    assertThat(destinationOf(m, "INBOX.📁 Projekte.2024")).isEqualTo("📁 Projekte/2024");
    assertThat(destinationOf(m, "INBOX.Entwu\u0308rfe")).as("NFD spelling found by its name")
        .isEqualTo("Drafts");
  }

  @Test
  void map_randomUnicodeNames_dotPrefixedSourceToSlashDestination_keepEveryLevel() {
    // given: seeded random names (emoji, combining marks, &, spaces...) without separators
    java.util.Random random = new java.util.Random(20260301L);
    FolderRules off = with(rules(List.of(), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.OFF, FolderRules.Subscriptions.COPY, "_"), false, false, List.of());
    for (int i = 0; i < 2_000; i++) {
      List<String> levels = new java.util.ArrayList<>();
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        String level = dev.mailshift.testsupport.UnicodeNames.random(random)
            .replaceAll("[./_]", "x");
        levels.add(level.equalsIgnoreCase("INBOX") ? "x" + level : level);
      }
      String source = "INBOX." + String.join(".", levels);

      // when
      FolderMap m = map(off, List.of(dot(source)), List.of());

      // then
      assertThat(m.migrated()).as(source).singleElement().satisfies(f ->
          assertThat(f.destinationFolder()).isEqualTo(String.join("/", levels)));
    }
  }

  @Test
  void map_twoSourceFoldersOfOneRoleMissingOnTheDestination_isAConflictNotTwoSentFolders() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Gesendet"), dot("INBOX.Sent Items")),
        List.of(slash("INBOX")));

    assertThat(m.conflicts()).singleElement().asString()
        .contains("'INBOX.Gesendet'", "'INBOX.Sent Items'", "created as the destination's \\Sent");
  }

  @Test
  void map_twoSourceFoldersOfOneRoleMissingWithMerge_mergedIntoTheFirstCreatedOnce() {
    FolderMap m = map(with(FolderRules.DEFAULT, true, true, List.of()),
        List.of(dot("INBOX.Gesendet"), dot("INBOX.Sent Items")), List.of(slash("INBOX")));

    assertThat(m.conflicts()).isEmpty();
    assertThat(m.migrated()).extracting(MappedFolder::destinationFolder)
        .containsExactly("Gesendet", "Gesendet");
    assertThat(m.migrated()).allMatch(f -> f.createWithRole().equals(java.util.Optional.of("\\Sent")));
  }

  static FolderRules with(FolderRules r, boolean merge, boolean caseInsensitive,
      List<String> reserved) {
    return new FolderRules(r.include(), r.exclude(), r.map(), r.rename(), r.destinationPrefix(),
        r.specialUse(), r.subscriptions(), r.separatorReplacement(), merge, caseInsensitive,
        reserved, r.gmailLabels(), r.mapLocations());
  }

  @Test
  void map_noselectParent_isNotMigratedButChildIs() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX.Parent", "\\Noselect"), dot("INBOX.Parent.Child")), List.of());

    assertThat(m.folders()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Parent.Child");
  }

  @Test
  void map_destinationPrefixAndSubscriptionsAll_applyToEveryMappedFolder() {
    FolderRules rules = rules(List.of(), List.of(), Map.of(), List.of(), "Old host",
        FolderRules.SpecialUse.OFF, FolderRules.Subscriptions.ALL, "_");

    FolderMap m = map(rules, List.of(dot("INBOX"), new FolderInfo("INBOX.X", '.', Set.of(), false)), List.of());

    assertThat(destinationOf(m, "INBOX")).isEqualTo("INBOX");
    assertThat(destinationOf(m, "INBOX.X")).isEqualTo("Old host/X");
    assertThat(m.folders()).allMatch(MappedFolder::subscribe);
  }

  @Test
  void map_subscriptionsCopyAndSourceSubscribedToMissingFolders_notesThemOnceNotAsAFolder() {
    // given: LIST reports subscriptions to folders that do not exist as \NonExistent
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX"), dot("INBOX.Old", "\\NonExistent"),
        dot("INBOX.Ghost", "\\NonExistent"), new FolderInfo("INBOX.Parent", '.',
            Set.of("\\Noselect"), true)), List.of(slash("INBOX")));

    // then
    assertThat(m.notes()).containsExactly("source subscribed to INBOX.Ghost, INBOX.Old, which do"
        + " not exist: not subscribed on the destination");
    assertThat(m.folders()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX");
    assertThat(m.warnings()).isEmpty();
    assertThat(m.conflicts()).isEmpty();
  }

  @Test
  void map_subscriptionsNoneAndAGhostSubscription_notesNothing() {
    FolderRules rules = rules(List.of(), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.NONE, "_");

    FolderMap m = map(rules, List.of(dot("INBOX"), dot("INBOX.Ghost", "\\NonExistent")),
        List.of());

    assertThat(m.notes()).isEmpty();
  }

  @Test
  void map_destinationAlreadySubscribed_needsNoSubscription() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.X"), dot("INBOX.Y")),
        List.of(slash("X"), new FolderInfo("Y", '/', Set.of(), false)));

    assertThat(m.folders()).extracting(MappedFolder::subscribe).containsExactly(false, true);
  }

  @Test
  void map_includeList_leavesOthersOutWithReason() {
    FolderRules rules = rules(List.of("^Projects"), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.Projects"), dot("INBOX.Private")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Projects");
    assertThat(folder(m, "INBOX.Private").excludedBecause())
        .isEqualTo("not matched by any include pattern");
  }

  @Test
  void map_germanSourceWithoutAttributes_findsEnglishDestinationFoldersByRole() {
    // given: a German-localized source without SPECIAL-USE, an English destination with it
    List<FolderInfo> source = List.of(dot("INBOX.Gesendete Objekte"), dot("INBOX.Entwürfe"),
        dot("INBOX.Papierkorb"), dot("INBOX.Junk-E-Mail"), dot("INBOX.Archiv.2019"));
    List<FolderInfo> destination = List.of(slash("Sent", "\\Sent"), slash("Drafts", "\\Drafts"),
        slash("Trash", "\\Trash"), slash("Junk", "\\Junk"), slash("Archive", "\\Archive"));

    // when
    FolderMap m = map(FolderRules.DEFAULT, source, destination);

    // then
    assertThat(destinationOf(m, "INBOX.Gesendete Objekte")).isEqualTo("Sent");
    assertThat(destinationOf(m, "INBOX.Entwürfe")).isEqualTo("Drafts");
    assertThat(destinationOf(m, "INBOX.Papierkorb")).isEqualTo("Trash");
    assertThat(destinationOf(m, "INBOX.Junk-E-Mail")).isEqualTo("Junk");
    assertThat(destinationOf(m, "INBOX.Archiv.2019")).isEqualTo("Archive/2019");
    assertThat(folder(m, "INBOX.Gesendete Objekte").reason())
        .isEqualTo("special-use \\Sent by its name (de)");
    assertThat(m.conflicts()).isEmpty();
  }

  @Test
  void map_roleMissingOnDestination_createsTheFolderWithTheRole() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Éléments envoyés")), List.of(slash("INBOX")));

    MappedFolder f = m.folders().get(0);
    assertThat(f.destinationFolder()).isEqualTo("Éléments envoyés");
    assertThat(f.destinationExists()).isFalse();
    assertThat(f.createWithRole()).contains("\\Sent");
  }

  @Test
  void map_destinationFolderMarkedByAttribute_winsOverOneMerelyNamedLikeTheRole() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Sent Items")),
        List.of(slash("Sent"), slash("Gesendet", "\\Sent")));

    assertThat(destinationOf(m, "INBOX.Sent Items")).isEqualTo("Gesendet");
  }

  @Test
  void map_gmailFolders_areRecognised() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("[Gmail].Sent Mail"), dot("[Google Mail].Papierkorb")),
        List.of(slash("Sent", "\\Sent"), slash("Trash", "\\Trash")));

    assertThat(destinationOf(m, "[Gmail].Sent Mail")).isEqualTo("Sent");
    assertThat(destinationOf(m, "[Google Mail].Papierkorb")).isEqualTo("Trash");
  }

  @Test
  void map_twoSourceFoldersWithOneRole_isAConflictNamingBoth() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Sent"), dot("INBOX.Sent Items")),
        List.of(slash("Sent", "\\Sent")));

    assertThat(m.conflicts()).singleElement().asString()
        .contains("INBOX.Sent", "INBOX.Sent Items", "destination folder 'Sent'");
  }

  @Test
  void map_calendarAndContacts_areLeftOutUnlessIncluded() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Kalender"), dot("INBOX.Contacts"), dot("INBOX.Work")),
        List.of());
    FolderRules including = rules(List.of("^Kalender$", "^Work$", "^INBOX$"), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");
    FolderMap included = map(including, List.of(dot("INBOX.Kalender")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Work");
    assertThat(m.folders().get(0).excludedBecause()).contains("holds no mail");
    assertThat(included.migrated()).hasSize(1);
  }

  @Test
  void map_specialUseOff_keepsNames() {
    FolderRules off = rules(List.of(), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.OFF, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(off, List.of(dot("INBOX.Gesendet", "\\Sent")), List.of(slash("Sent", "\\Sent")));

    assertThat(destinationOf(m, "INBOX.Gesendet")).isEqualTo("Gesendet");
  }

  @Test
  void map_inboxChildOnSlashSourceToInboxPrefixedDestination_isNotDoubled() {
    // given: a '/' source without prefix whose INBOX has a child; a Courier-style destination
    FolderMap m = new FolderMapper(FolderRules.DEFAULT).map("alice", FS,
        List.of(slash("INBOX"), slash("INBOX/foo"), slash("INBOX/a/b")), COURIER, List.of());

    // then
    assertThat(destinationOf(m, "INBOX")).isEqualTo("INBOX");
    assertThat(destinationOf(m, "INBOX/foo")).isEqualTo("INBOX.foo");
    assertThat(destinationOf(m, "INBOX/a/b")).isEqualTo("INBOX.a.b");
    assertThat(m.folders().get(1).reason()).contains("a child of INBOX", "namespace INBOX.");
    assertThat(m.conflicts()).isEmpty();
  }

  @Test
  void map_inboxChildAndTopLevelFolderOfOneNameToInboxPrefixedDestination_isAConflictNamingBoth() {
    FolderMap m = new FolderMapper(FolderRules.DEFAULT).map("alice", FS,
        List.of(slash("INBOX/foo"), slash("foo")), COURIER, List.of());

    assertThat(m.conflicts()).singleElement().asString()
        .contains("'INBOX/foo'", "'foo'", "'INBOX.foo'", "folders.map");
  }

  @Test
  void map_inboxChildToSlashDestination_staysUnderInbox() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.INBOX.bar")), List.of());

    assertThat(destinationOf(m, "INBOX.INBOX.bar")).isEqualTo("INBOX/bar");
  }

  @Test
  void map_childOfACalendar_isLeftOutWithItsParentAndTheFixNamesFoldersMap() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX.Calendar"), dot("INBOX.Calendar.Birthdays"), dot("INBOX.Work")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Work");
    assertThat(m.folders().get(0).excludedBecause())
        .contains("holds no mail", "\"Calendar\": \"Calendar\" to folders.map")
        .doesNotContain("folders.include");
    assertThat(m.folders().get(1).excludedBecause()).contains("inside Calendar, which holds no mail");
  }

  @Test
  void map_mapEntryForANonMailFolder_bringsItAndItsChildrenBack() {
    FolderRules rules = rules(List.of(), List.of(), Map.of("Calendar", "Calendar"), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.Calendar"), dot("INBOX.Calendar.Birthdays"),
        dot("INBOX.Contacts")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::destinationFolder)
        .containsExactly("Calendar", "Calendar/Birthdays");
  }

  @Test
  void map_destinationWithTwoFoldersOfOneRole_takesTheFirstByNameWhateverTheListOrderAndWarns() {
    List<FolderInfo> destination = List.of(slash("Sent Messages", "\\Sent"), slash("Sent", "\\Sent"));

    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Gesendet")), destination);
    FolderMap reversed = map(FolderRules.DEFAULT, List.of(dot("INBOX.Gesendet")),
        destination.reversed());

    assertThat(destinationOf(m, "INBOX.Gesendet")).isEqualTo("Sent");
    assertThat(destinationOf(reversed, "INBOX.Gesendet")).isEqualTo("Sent");
    assertThat(m.conflicts()).isEmpty();
    assertThat(m.warnings()).singleElement().asString()
        .contains("2 folders with the \\Sent role", "'Sent', 'Sent Messages'", "'INBOX.Gesendet'",
            "folders.map");
  }

  @Test
  void map_destinationWithTwoFoldersOfOneRoleNoSourceFolderOfIt_noWarning() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Work")),
        List.of(slash("Sent Messages", "\\Sent"), slash("Sent", "\\Sent")));

    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void map_roleMissingOnDestinationWithoutCreateSpecialUse_warnsItIsCreatedUnmarked() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.Gesendet")), List.of());
    ServerInfo offering = new ServerInfo(Set.of("IMAP4REV1", "CREATE-SPECIAL-USE"), "", '/',
        OptionalLong.empty());
    FolderMap marked = new FolderMapper(FolderRules.DEFAULT).map("alice", COURIER,
        List.of(dot("INBOX.Gesendet")), offering, List.of());

    assertThat(m.warnings()).singleElement().asString()
        .contains("does not offer CREATE-SPECIAL-USE", "Gesendet (\\Sent)");
    assertThat(marked.warnings()).isEmpty();
  }

  @Test
  void map_childOfASourceFolderMarkedByAttribute_followsItsParentToTheDestinationRole() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX.Ablage", "\\Archive"), dot("INBOX.Ablage.2019")),
        List.of(slash("Archive", "\\Archive")));

    assertThat(destinationOf(m, "INBOX.Ablage")).isEqualTo("Archive");
    assertThat(destinationOf(m, "INBOX.Ablage.2019")).isEqualTo("Archive/2019");
  }
  @Test
  void map_twoSourceFoldersOfOneRoleMergedInEitherListOrder_landInTheAttributeMarkedOne() {
    FolderRules merge = with(FolderRules.DEFAULT, true, true, List.of());
    List<FolderInfo> listed = List.of(dot("INBOX.Gesendet"), dot("INBOX.Postausgang-Kopien", "\\Sent"));

    FolderMap m = map(merge, listed, List.of(slash("INBOX")));
    FolderMap reversed = map(merge, listed.reversed(), List.of(slash("INBOX")));

    assertThat(m.migrated()).extracting(MappedFolder::destinationFolder)
        .containsOnly("Postausgang-Kopien");
    assertThat(reversed.migrated()).extracting(MappedFolder::destinationFolder)
        .containsOnly("Postausgang-Kopien");
  }

  @Test
  void map_serverListsInAnyOrder_foldersComeInboxFirstThenByName() {
    // given: the same folders listed in two orders (Dovecot's LIST order varies by session)
    List<FolderInfo> listed = List.of(dot("INBOX.zeta"), dot("INBOX.Alpha"), dot("INBOX"),
        dot("INBOX.alpha.b"), dot("INBOX.Beta"));
    List<FolderInfo> reversed = new java.util.ArrayList<>(listed);
    java.util.Collections.reverse(reversed);

    // when
    FolderMap one = map(FolderRules.DEFAULT, listed, List.of());
    FolderMap other = map(FolderRules.DEFAULT, reversed, List.of());

    // then
    assertThat(one.folders()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX",
        "INBOX.Alpha", "INBOX.alpha.b", "INBOX.Beta", "INBOX.zeta");
    assertThat(other.folders()).isEqualTo(one.folders());
  }

  @Test
  void map_destinationListsTheNameOnlyAsAPlaceholder_theFolderIsCreated() {
    // given: the destination lists "Projects" only as a subscription to a folder that no longer
    // exists (LSUB, RFC 5258 \NonExistent) and "Clients" only as a hierarchy level (\Noselect)
    List<FolderInfo> destination = List.of(slash("INBOX"), slash("Projects", "\\NonExistent"),
        slash("Clients", "\\Noselect", "\\HasChildren"), slash("Clients/Acme"));

    // when
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX"), dot("INBOX.Projects"),
        dot("INBOX.Clients")), destination);

    // then: neither can hold mail, so both must be created, not synced into as if they existed
    assertThat(folder(m, "INBOX.Projects").destinationExists()).isFalse();
    assertThat(folder(m, "INBOX.Clients").destinationExists()).isFalse();
  }
}
