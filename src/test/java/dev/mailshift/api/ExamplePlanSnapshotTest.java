package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.check.PlanValidator;
import dev.mailshift.plan.check.ProblemFormatter;
import dev.mailshift.plan.check.ValidationResult;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.DnsPlanner;
import dev.mailshift.planner.DnsPlan;
import dev.mailshift.report.Json;
import dev.mailshift.report.PlanText;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code plan} output of every phase of every example plan (top-level {@code plans/}) against
 * an {@link EmptyInventory}, as text ({@link PlanText}) and JSON ({@link Json}), compared with the
 * snapshots in {@code src/test/resources/plans/snapshots/<plan>.<phase>.txt|json}; and of every
 * phase that migrates mailboxes on the folders of a {@link TypicalMailbox} ({@code
 * <plan>.<phase>.mailbox.txt|json}), so the snapshots show each example's folder map: they document
 * what each example does, and fail when a change to the plan language, the planner or the report
 * changes it. Secrets stay references: nothing is resolved, no server or resolver is contacted.
 *
 * <p>After an intended change, {@code ./mvnw -B -o -q test -Dtest=ExamplePlanSnapshotTest
 * -Dmailshift.updateSnapshots=true} rewrites the snapshots (and deletes those of phases that no
 * longer exist); review them with {@code git diff} like any other change.
 */
class ExamplePlanSnapshotTest {
  private static final String UPDATE_PROPERTY = "mailshift.updateSnapshots";
  private static final boolean UPDATE = Boolean.getBoolean(UPDATE_PROPERTY);
  private static final String SNAPSHOTS = "plans/snapshots";
  /** The snapshot name part of a plan on {@link TypicalMailbox}'s folders. */
  private static final String MAILBOX = "mailbox.";
  private static final String HOW_TO_UPDATE = "if the change is intended, run ./mvnw -B -o -q"
      + " test -Dtest=ExamplePlanSnapshotTest -D" + UPDATE_PROPERTY + "=true and review the"
      + " rewritten files in src/test/resources/" + SNAPSHOTS + " with git diff";
  /** Stands in for the plan file's SHA-256, so a comment edited in an example changes nothing. */
  private static final String PLAN_SHA256 = "0".repeat(64);

  static Stream<Arguments> examplePhases() {
    return ProjectFiles.examplePlans().stream().flatMap(file -> load(file).phases().stream()
        .map(phase -> Arguments.of(file.getFileName().toString(), phase.name())));
  }

  /** The phases that migrate mailboxes: their folder maps are shown on a typical mailbox too. */
  static Stream<Arguments> exampleAccountPhases() {
    return ProjectFiles.examplePlans().stream().flatMap(file -> load(file).phases().stream()
        .filter(Phase::hasAccountSteps)
        .map(phase -> Arguments.of(file.getFileName().toString(), phase.name())));
  }

  @ParameterizedTest(name = "{0} --phase {1}")
  @MethodSource("examplePhases")
  void plan_examplePhaseOnEmptyInventory_matchesTextSnapshot(String planFile, String phase) {
    // when
    String text = PlanText.render(plan(planFile, phase));

    // then
    assertMatchesSnapshot(snapshotName(planFile, phase, "txt"), text);
  }

  @ParameterizedTest(name = "{0} --phase {1}")
  @MethodSource("examplePhases")
  void plan_examplePhaseOnEmptyInventory_matchesJsonSnapshot(String planFile, String phase) {
    // when
    String json = Json.plan(plan(planFile, phase));

    // then
    assertMatchesSnapshot(snapshotName(planFile, phase, "json"), json);
  }

  @ParameterizedTest(name = "{0} --phase {1}")
  @MethodSource("exampleAccountPhases")
  void plan_examplePhaseOnTypicalMailbox_matchesTextSnapshot(String planFile, String phase) {
    // when
    String text = PlanText.render(plan(planFile, phase, true));

    // then
    assertMatchesSnapshot(snapshotName(planFile, phase, MAILBOX + "txt"), text);
  }

  @ParameterizedTest(name = "{0} --phase {1}")
  @MethodSource("exampleAccountPhases")
  void plan_examplePhaseOnTypicalMailbox_matchesJsonSnapshot(String planFile, String phase) {
    // when
    String json = Json.plan(plan(planFile, phase, true));

    // then
    assertMatchesSnapshot(snapshotName(planFile, phase, MAILBOX + "json"), json);
  }

  @Test
  void snapshots_eachBelongsToAnExamplePhase() throws IOException {
    // given
    Set<String> wanted = Stream.concat(
        examplePhases().flatMap(a -> Stream.of("txt", "json")
            .map(ext -> snapshotName((String) a.get()[0], (String) a.get()[1], ext))),
        exampleAccountPhases().flatMap(a -> Stream.of("txt", "json")
            .map(ext -> snapshotName((String) a.get()[0], (String) a.get()[1], MAILBOX + ext))))
        .collect(Collectors.toSet());

    // when
    List<Path> orphans = List.of();
    try (Stream<Path> files = Files.isDirectory(snapshotDirectory())
        ? Files.list(snapshotDirectory()) : Stream.empty()) {
      orphans = files.filter(f -> !wanted.contains(f.getFileName().toString())).sorted()
          .toList();
    }

    // then
    if (UPDATE) {
      for (Path orphan : orphans) {
        Files.delete(orphan);
      }
      return;
    }
    assertThat(orphans).as("snapshots of no example plan phase; delete them, or " + HOW_TO_UPDATE)
        .isEmpty();
  }

  /** What {@code mailshift plan FILE --phase PHASE} shows on servers and a zone holding nothing. */
  private static PlanResult plan(String planFile, String phaseName) {
    return plan(planFile, phaseName, false);
  }

  /**
   * As {@link #plan(String, String)}; with {@code typical}, every account's source and
   * destination hold the folders of {@link TypicalMailbox} instead of an INBOX alone.
   */
  private static PlanResult plan(String planFile, String phaseName, boolean typical) {
    // Loaded by a path relative to the working directory (the project root under Maven), so
    // that rule locations, and with them the change set's checksum, do not name this checkout.
    Path file = Path.of("").toAbsolutePath()
        .relativize(ProjectFiles.root().resolve("plans").resolve(planFile).toAbsolutePath());
    Plan plan = withFixedSha(load(file));
    Phase phase = plan.phase(phaseName).orElseThrow();
    List<Account> accounts = phase.hasAccountSteps() ? Plans.accounts(plan, phase) : List.of();
    List<AccountObservation> observed = accounts.stream()
        .map(a -> typical ? EmptyInventory.account(plan, a, typicalSource(plan, a),
            TypicalMailbox.DESTINATION) : EmptyInventory.account(plan, a)).toList();
    List<BindingCheck> fresh = accounts.stream()
        .map(a -> (BindingCheck) new BindingCheck.Fresh(StateBindings.of(plan, a))).toList();
    Optional<DnsPlan> dns = phase.hasDnsSteps()
        ? Optional.of(new DnsPlanner().plan(phase, EmptyInventory.zone(DnsSetup.section(plan))))
        : Optional.empty();
    return Mailshift.result(plan, phase, observed, dns, fresh, Engines.deletionCeiling(plan));
  }

  private static List<dev.mailshift.imap.FolderInfo> typicalSource(Plan plan, Account a) {
    return plan.server(a.source().server()).host().equalsIgnoreCase(EmptyInventory.GMAIL_HOST)
        ? TypicalMailbox.GMAIL_SOURCE : TypicalMailbox.SOURCE;
  }

  private static Plan load(Path file) {
    ValidationResult r = new PlanValidator().validate(file);
    return r.plan().orElseThrow(() -> new AssertionError(file + " does not validate:\n"
        + ProblemFormatter.format(r.problems())));
  }

  private static Plan withFixedSha(Plan p) {
    return new Plan(p.version(), p.name(), p.servers(), p.accounts(), p.folders(), p.messages(),
        p.dns(), p.phases(), p.state(), new Plan.PlanSource(p.source().file(), PLAN_SHA256));
  }

  private static String snapshotName(String planFile, String phase, String extension) {
    return planFile.replaceAll("\\.yaml$", "") + "." + phase + "." + extension;
  }

  private static Path snapshotDirectory() {
    return ProjectFiles.root().resolve("src/test/resources").resolve(SNAPSHOTS);
  }

  /**
   * Compares with the snapshot on the classpath; with {@code -Dmailshift.updateSnapshots=true}
   * writes the snapshot in the source tree instead. Absolute paths of this checkout become
   * relative to it, so that no snapshot depends on where the project lives.
   */
  private static void assertMatchesSnapshot(String name, String rendered) {
    String actual = rendered.replace(ProjectFiles.root().toAbsolutePath() + "/", "");
    if (UPDATE) {
      try {
        Files.createDirectories(snapshotDirectory());
        Files.writeString(snapshotDirectory().resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    String expected = readSnapshot(name);
    assertThat(actual).as("%s differs from the plan output%s;%n%s", name,
        firstDifference(expected, actual), HOW_TO_UPDATE).isEqualTo(expected);
  }

  private static String readSnapshot(String name) {
    try (InputStream in = ExamplePlanSnapshotTest.class.getResourceAsStream(
        "/" + SNAPSHOTS + "/" + name)) {
      if (in == null) {
        return fail("no snapshot " + name + " yet; " + HOW_TO_UPDATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the two texts first differ, by line: the diff a reviewer reads first. */
  static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      String want = i < e.size() ? e.get(i) : "<end of snapshot>";
      String got = i < a.size() ? a.get(i) : "<end of output>";
      if (!want.equals(got)) {
        return String.format(" at line %d:%n  snapshot: %s%n  output:   %s", i + 1, want, got);
      }
    }
    return " (in line endings or the final newline)";
  }
}
