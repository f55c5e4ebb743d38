package dev.mailshift.report;

import dev.mailshift.api.PlanResult;
import dev.mailshift.change.Change;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.FolderMap;
import dev.mailshift.planner.MapReason;
import dev.mailshift.planner.MappedFolder;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.SkippedMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a plan for review: for a phase mixing DNS and account steps, the order they run in; per
 * account whether its earlier sync state will be used (not when it describes other servers or
 * users), the folder map (source, destination, why), then the steps with markers ({@code +}
 * create, {@code ~} change, {@code -} delete, {@code !} attention, {@code =} nothing to do), then
 * the skipped messages one by one and a summary line.
 */
public final class PlanText {
  private PlanText() {}

  public static String render(PlanResult result) {
    StringBuilder out = new StringBuilder();
    out.append("mailshift plan ").append(result.changeSet().planName())
        .append(", phase ").append(result.changeSet().phase())
        .append(result.accounts().isEmpty() && result.dns().isPresent() ? ", DNS steps only\n"
            : ", " + result.accounts().size() + " account(s)\n");
    rateLimits(out, result.rateLimits());
    order(result.changeSet().changes()).ifPresent(o -> out.append(o).append('\n'));
    for (AccountObservation o : result.accounts()) {
      out.append('\n').append(o.account()).append('\n');
      result.binding(o.account()).flatMap(BindingCheck::warning)
          .ifPresent(w -> out.append("  ! ").append(w).append('\n'));
      folderMap(out, o);
      if (!o.gmail().comparison().isEmpty()) {
        out.append("  ").append(o.gmail().comparison()).append('\n');
      }
      for (String w : o.folderMap().warnings()) {
        out.append("  ! ").append(w).append('\n');
      }
      List<Change> changes = result.changeSet().changesOf(o.account());
      Set<String> created = new HashSet<>();
      changes.stream().filter(CreateFolder.class::isInstance)
          .forEach(c -> created.add(((CreateFolder) c).destinationFolder()));
      for (Change c : changes) {
        step(out, c, created);
      }
      skipped(out, o);
    }
    unusedRules(out, result.accounts());
    result.dns().ifPresent(d -> out.append('\n').append(DnsPlanText.render(d)));
    if (!result.accounts().isEmpty() || result.dns().isEmpty()) {
      out.append('\n').append(summary(result.summary())).append('\n');
      if (result.overDeletionCeiling()) {
        out.append("! mirror mode would remove ").append(result.summary().deletions())
            .append(" destination messages, more than messages.deletion-ceiling (")
            .append(result.deletionCeiling().getAsInt())
            .append("): apply will stop before changing anything\n");
      }
    } else {
      out.append('\n');
    }
    result.dns().ifPresent(d -> out.append(DnsPlanText.summary(d)).append('\n'));
    return out.toString();
  }

  private static void rateLimits(StringBuilder out, List<PlanResult.RateLimit> limits) {
    if (limits.isEmpty()) {
      return;
    }
    List<String> each = limits.stream().map(l -> {
      List<String> rates = new ArrayList<>();
      if (l.bytesPerSecond() > 0) {
        rates.add(Sizes.human(l.bytesPerSecond()) + "/s");
      }
      if (l.messagesPerSecond() > 0) {
        rates.add(l.messagesPerSecond() + " messages/s");
      }
      return l.server() + " " + String.join(", ", rates);
    }).toList();
    out.append("rate limits, for all accounts together: ").append(String.join("; ", each))
        .append('\n');
  }

  /**
   * For a phase that mixes DNS and account steps, the order apply runs them in (the change set's):
   * the text below shows the accounts first and the zone after, whatever that order is.
   */
  static Optional<String> order(List<Change> changes) {
    List<Boolean> dns = new ArrayList<>();
    List<Set<String>> steps = new ArrayList<>();
    for (Change c : changes) {
      boolean isDns = c instanceof SetDnsRecords || c instanceof CheckDns;
      if (dns.isEmpty() || dns.getLast() != isDns) {
        dns.add(isDns);
        steps.add(new LinkedHashSet<>());
      }
      steps.getLast().add(stepName(c));
    }
    if (!dns.contains(true) || !dns.contains(false)) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < dns.size(); i++) {
      List<String> names = List.copyOf(steps.get(i));
      String joined = names.size() == 1 ? names.getFirst()
          : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
      segments.add(dns.get(i) ? joined : "each account's " + joined);
    }
    return Optional.of("apply runs " + String.join(", then ", segments));
  }

  /** The plan step ({@code phases[].steps}) a change comes from. */
  private static String stepName(Change c) {
    return switch (c) {
      case Preflight p -> "preflight";
      case CreateFolder f -> "sync";
      case SyncFolder s -> "sync";
      case Subscribe s -> "sync";
      case VerifyAccount v -> "validate";
      case SetDnsRecords d -> d.purpose().step();
      case CheckDns d -> "dns-validate";
    };
  }

  /** The folder maps alone, conflicts marked: what {@code plan} shows when it cannot plan. */
  public static String folderMaps(List<AccountObservation> observed) {
    StringBuilder out = new StringBuilder("mailshift plan: folder maps (the plan stops at the"
        + " conflicts marked !)\n");
    for (AccountObservation o : observed) {
      out.append('\n').append(o.account()).append('\n');
      folderMap(out, o);
      for (String w : o.folderMap().warnings()) {
        out.append("  ! ").append(w).append('\n');
      }
    }
    unusedRules(out, observed);
    return out.toString();
  }

  /** The folder rules that matched nothing in any account: usually a typo. */
  private static void unusedRules(StringBuilder out, List<AccountObservation> observed) {
    List<MapReason.Rule> unused = FolderMap.unusedInAll(observed.stream()
        .map(AccountObservation::folderMap).toList());
    if (!unused.isEmpty()) {
      out.append('\n');
      unused.forEach(r -> out.append("! ").append(FolderMap.describeUnused(r)).append('\n'));
    }
  }

  private static void folderMap(StringBuilder out, AccountObservation o) {
    out.append("  folder map")
        .append(o.folderMap().profile().map(p -> " (profile " + p + ")").orElse(""))
        .append(":\n");
    int width = o.folderMap().folders().stream()
        .mapToInt(f -> f.sourceFolder().codePointCount(0, f.sourceFolder().length())).max().orElse(0);
    for (MappedFolder f : o.folderMap().folders()) {
      String src = pad(f.sourceFolder(), width);
      if (f.migrated()) {
        out.append("    ").append(src).append(" -> ").append(f.destinationFolder())
            .append("  (").append(f.reason())
            .append(f.destinationExists() ? "" : ", new")
            .append(f.createWithRole().map(r -> " as " + r).orElse(""))
            .append(f.mergedWith().isEmpty() ? ""
                : ", MERGED with " + String.join(", ", f.mergedWith()))
            .append(conflictMark(f))
            .append(")\n");
      } else {
        out.append("    ").append(src).append("    not migrated: ").append(f.excludedBecause()).append('\n');
      }
    }
    for (String c : o.folderMap().conflicts()) {
      out.append("  ! CONFLICT: ").append(c).append('\n');
    }
    for (String n : o.folderMap().notes()) {
      out.append("  note: ").append(n).append('\n');
    }
  }

  /** ", CONFLICT with B" (or ", CONFLICT" for a name problem of its own); see the ! lines. */
  private static String conflictMark(MappedFolder f) {
    List<String> others = f.conflictsWith().stream().filter(o -> !o.equals(f.sourceFolder()))
        .toList();
    if (f.conflictsWith().isEmpty()) {
      return "";
    }
    return others.isEmpty() ? ", CONFLICT" : ", CONFLICT with " + String.join(", ", others);
  }

  /** @param created the account's destination folders this plan creates */
  private static void step(StringBuilder out, Change c, Set<String> created) {
    switch (c) {
      case Preflight p -> {
        out.append("    preflight: check logins and capabilities\n");
        p.findings().forEach(f -> out.append("  ! ").append(f).append('\n'));
      }
      case CreateFolder f -> out.append("  + create folder ").append(f.destinationFolder())
          .append(f.specialUse().isEmpty() ? "" : " as " + f.specialUse()).append('\n');
      case SyncFolder s -> out.append(syncLine(s, created.contains(s.destinationFolder())))
          .append('\n');
      case Subscribe s -> out.append("  + subscribe ").append(s.destinationFolder()).append('\n');
      case VerifyAccount v -> out.append("    validate: compare counts and bytes of every folder\n");
      case SetDnsRecords d -> out.append("  ~ ").append(d.summary()).append('\n');
      case CheckDns d -> out.append("    ").append(d.summary()).append('\n');
    }
  }

  /**
   * One sync step. A folder the plan creates is never "up to date": it does not exist yet, and
   * with nothing to copy it is created empty.
   *
   * @param destinationCreated whether this plan creates the destination folder
   */
  static String syncLine(SyncFolder s, boolean destinationCreated) {
    String head = " sync " + s.sourceFolder() + " -> " + s.destinationFolder() + ": ";
    if (s.messagesToCopy() < 0) {
      return "  ~" + head + "to be determined at apply";
    }
    if (!s.hasWork()) {
      return "  =" + head + (destinationCreated ? "nothing to copy" : "up to date")
          + (s.skipped() > 0 ? " (" + s.skipped() + " not copied, see below)" : "");
    }
    StringBuilder b = new StringBuilder(s.deletions() > 0 ? "  -" : "  ~").append(head);
    b.append("copy ").append(s.messagesToCopy()).append(" (").append(Sizes.human(s.bytesToCopy())).append(')');
    if (s.messagesToAdopt() > 0) {
      // Message-ID and size only pick candidates; apply adopts one when its SHA-256 matches and
      // copies it otherwise, so this is a ceiling, not a promise.
      b.append(", adopt up to ").append(s.messagesToAdopt()).append(" already there");
    }
    if (s.flagUpdates() > 0) {
      b.append(", update flags of ").append(s.flagUpdates());
    }
    if (s.deletions() > 0) {
      b.append(", DELETE ").append(s.deletions()).append(" expunged on the source");
    }
    if (s.skipped() > 0) {
      b.append(", ").append(s.skipped()).append(" not copied (see below)");
    }
    return b.toString();
  }

  private static void skipped(StringBuilder out, AccountObservation o) {
    out.append(NotCopied.ofMessages(o.diffs().values().stream()
        .flatMap(d -> d.skipped().stream()).toList(), "  "));
  }

  public static String describe(SkippedMessage m) {
    return NotCopied.line(NotCopied.Entry.of(m));
  }

  static String summary(PlanResult.Summary s) {
    return String.format(Locale.ROOT,
        "Plan: %d account(s), %d folder(s) to create, %d message(s) to copy (%s), %s to adopt, "
            + "%d flag update(s), %d deletion(s), %d not copied.",
        s.accounts(), s.foldersToCreate(), s.messagesToCopy(), Sizes.human(s.bytesToCopy()),
        s.messagesToAdopt() == 0 ? "0" : "up to " + s.messagesToAdopt(), s.flagUpdates(),
        s.deletions(), s.skipped());
  }

  /** Pads to {@code width} code points (an emoji is one, not two UTF-16 chars). */
  private static String pad(String s, int width) {
    int length = s.codePointCount(0, s.length());
    return length >= width ? s : s + " ".repeat(width - length);
  }
}
