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

  private static FolderMap map(FolderRules rules, List<FolderInfo> source, List<FolderInfo> destination) {
    return new FolderMapper(rules).map("alice", COURIER, source, FS, destination);
  }

  private static String destinationOf(FolderMap m, String source) {
    return m.folders().stream().filter(f -> f.sourceFolder().equals(source)).findFirst().orElseThrow()
        .destinationFolder();
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
    FolderRules rules = new FolderRules(List.of(), List.of("^Junk$"), Map.of("Old", "Archive/Old"),
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
    FolderRules rules = new FolderRules(List.of(), List.of(), Map.of("A", "Same", "B", "Same"), List.of(),
        "", FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.A"), dot("INBOX.B")), List.of());

    assertThat(m.conflicts()).singleElement().asString().contains("INBOX.A", "INBOX.B", "Same");
  }

  @Test
  void map_namesDifferingOnlyInCase_warns() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.trash"), dot("INBOX.Trash")), List.of());

    assertThat(m.conflicts()).isEmpty();
    assertThat(m.warnings()).singleElement().asString().contains("case");
  }

  @Test
  void map_noselectParent_isNotMigratedButChildIs() {
    FolderMap m = map(FolderRules.DEFAULT,
        List.of(dot("INBOX.Parent", "\\Noselect"), dot("INBOX.Parent.Child")), List.of());

    assertThat(m.folders()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Parent.Child");
  }

  @Test
  void map_destinationPrefixAndSubscriptionsAll_applyToEveryMappedFolder() {
    FolderRules rules = new FolderRules(List.of(), List.of(), Map.of(), List.of(), "Old host",
        FolderRules.SpecialUse.OFF, FolderRules.Subscriptions.ALL, "_");

    FolderMap m = map(rules, List.of(dot("INBOX"), new FolderInfo("INBOX.X", '.', Set.of(), false)), List.of());

    assertThat(destinationOf(m, "INBOX")).isEqualTo("INBOX");
    assertThat(destinationOf(m, "INBOX.X")).isEqualTo("Old host/X");
    assertThat(m.folders()).allMatch(MappedFolder::subscribe);
  }

  @Test
  void map_destinationAlreadySubscribed_needsNoSubscription() {
    FolderMap m = map(FolderRules.DEFAULT, List.of(dot("INBOX.X"), dot("INBOX.Y")),
        List.of(slash("X"), new FolderInfo("Y", '/', Set.of(), false)));

    assertThat(m.folders()).extracting(MappedFolder::subscribe).containsExactly(false, true);
  }

  @Test
  void map_includeList_leavesOthersOutWithReason() {
    FolderRules rules = new FolderRules(List.of("^Projects"), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(rules, List.of(dot("INBOX.Projects"), dot("INBOX.Private")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Projects");
    assertThat(m.folders().get(1).excludedBecause()).isEqualTo("not matched by any include pattern");
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
    assertThat(m.folders().get(0).reason()).isEqualTo("special-use \\Sent by its name (de)");
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
    FolderRules including = new FolderRules(List.of("^Kalender$", "^Work$", "^INBOX$"), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.AUTO, FolderRules.Subscriptions.COPY, "_");
    FolderMap included = map(including, List.of(dot("INBOX.Kalender")), List.of());

    assertThat(m.migrated()).extracting(MappedFolder::sourceFolder).containsExactly("INBOX.Work");
    assertThat(m.folders().get(0).excludedBecause()).contains("holds no mail");
    assertThat(included.migrated()).hasSize(1);
  }

  @Test
  void map_specialUseOff_keepsNames() {
    FolderRules off = new FolderRules(List.of(), List.of(), Map.of(), List.of(), "",
        FolderRules.SpecialUse.OFF, FolderRules.Subscriptions.COPY, "_");

    FolderMap m = map(off, List.of(dot("INBOX.Gesendet", "\\Sent")), List.of(slash("Sent", "\\Sent")));

    assertThat(destinationOf(m, "INBOX.Gesendet")).isEqualTo("Gesendet");
  }
}
