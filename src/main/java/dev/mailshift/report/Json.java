package dev.mailshift.report;

import dev.mailshift.api.ApplyResult;
import dev.mailshift.api.PlanFile;
import dev.mailshift.api.PlanResult;
import dev.mailshift.apply.StepResult;
import dev.mailshift.plan.Problem;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.FolderMap;
import dev.mailshift.planner.MxGate;
import dev.mailshift.state.AccountBinding;
import dev.mailshift.state.BindingCheck;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON renderings of plan, apply and validation results (stable keys, for scripts and CI). */
public final class Json {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Json() {}

  public static String plan(PlanResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.set("changeSet", JSON.readTree(PlanFile.toJson(r.changeSet())));
    root.set("summary", JSON.valueToTree(r.summary()));
    root.put("hasChanges", r.hasChanges());
    root.set("rateLimits", JSON.valueToTree(r.rateLimits()));
    r.deletionCeiling().ifPresent(c -> {
      root.put("deletionCeiling", c);
      root.put("overDeletionCeiling", r.overDeletionCeiling());
    });
    r.dns().ifPresent(d -> {
      ObjectNode dns = root.putObject("dns");
      dns.put("zone", d.zone());
      dns.put("provider", d.provider());
      dns.set("servers", JSON.valueToTree(d.servers()));
      dns.set("disagreements", JSON.valueToTree(d.disagreements()));
      dns.set("notes", JSON.valueToTree(d.notes()));
      dns.set("confirmationReasons", JSON.valueToTree(d.confirmationReasons()));
      d.gate().ifPresent(g -> dns.set("mxGate", gate(g)));
    });
    root.set("unusedFolderRules", unusedRules(r.accounts()));
    ArrayNode accounts = root.putArray("accounts");
    for (AccountObservation o : r.accounts()) {
      ObjectNode a = accounts.addObject();
      a.put("account", o.account());
      a.put("folderProfile", o.folderMap().profile().orElse(null));
      a.set("folders", JSON.valueToTree(o.folderMap().folders()));
      a.set("conflicts", JSON.valueToTree(o.folderMap().conflicts()));
      a.set("warnings", JSON.valueToTree(o.folderMap().warnings()));
      a.set("notes", JSON.valueToTree(o.folderMap().notes()));
      a.set("findings", JSON.valueToTree(o.findings()));
      a.put("gmailLabels", o.gmail().comparison());
      o.gmail().counts().ifPresent(c -> a.set("gmailLabelCounts", JSON.valueToTree(c)));
      a.set("diffs", JSON.valueToTree(o.diffs().values()));
      r.binding(o.account()).ifPresent(b -> a.set("state", binding(b)));
    }
    return write(root);
  }

  /** The folder maps with their conflicts, when {@code plan} stops at conflicts. */
  public static String folderMaps(List<AccountObservation> observed) {
    ObjectNode root = JSON.createObjectNode();
    root.put("conflicts", true);
    root.set("unusedFolderRules", unusedRules(observed));
    ArrayNode accounts = root.putArray("accounts");
    for (AccountObservation o : observed) {
      ObjectNode a = accounts.addObject();
      a.put("account", o.account());
      a.put("folderProfile", o.folderMap().profile().orElse(null));
      a.set("folders", JSON.valueToTree(o.folderMap().folders()));
      a.set("conflicts", JSON.valueToTree(o.folderMap().conflicts()));
      a.set("warnings", JSON.valueToTree(o.folderMap().warnings()));
      a.set("notes", JSON.valueToTree(o.folderMap().notes()));
    }
    return write(root);
  }

  /** The map entries and rename rules that matched no migrated folder in any account. */
  private static ArrayNode unusedRules(List<AccountObservation> observed) {
    return JSON.valueToTree(FolderMap.unusedInAll(observed.stream()
        .map(AccountObservation::folderMap).toList()));
  }

  public static String apply(ApplyResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("phase", r.phase());
    root.put("runId", r.outcome().runId());
    root.put("succeeded", r.outcome().succeeded());
    root.put("copied", r.copied());
    root.put("bytesCopied", r.bytesCopied());
    ArrayNode steps = root.putArray("steps");
    for (StepResult s : r.outcome().steps()) {
      ObjectNode n = steps.addObject();
      n.put("id", s.change().id());
      n.put("summary", s.change().summary());
      n.put("status", s.status().name());
      n.put("detail", s.detail());
      s.sync().ifPresent(sync -> n.set("sync", JSON.valueToTree(sync)));
      if (!s.checks().isEmpty()) {
        n.set("checks", JSON.valueToTree(s.checks()));
      }
      if (!s.dnsFindings().isEmpty()) {
        n.set("dnsFindings", JSON.valueToTree(s.dnsFindings()));
      }
    }
    root.set("skipped", JSON.valueToTree(r.skipped()));
    root.set("stillNotCopied", JSON.valueToTree(r.stillNotCopied()));
    ArrayNode rebound = root.putArray("rebindings");
    r.rebindings().forEach(b -> {
      ObjectNode n = rebound.addObject();
      n.put("account", b.account());
      n.set("from", b.from().map(Json::mailboxes).orElse(null));
      n.set("to", mailboxes(b.to()));
      n.put("checkpoints", b.checkpoints());
      n.put("mappings", b.mappings());
      n.put("intents", b.intents());
      n.put("skips", b.skips());
      n.put("summary", b.summary());
    });
    return write(root);
  }

  /**
   * How an account's state binding compares with the plan: {@code usable} (false: the earlier
   * sync state is set aside and messages already there are matched by content), {@code check}
   * (FRESH, SAME, CHANGED, UNRECORDED), the mailboxes {@code recorded} (null when none) and
   * {@code planned}, and the {@code warning} text (null when usable).
   */
  public static ObjectNode binding(BindingCheck b) {
    ObjectNode n = JSON.createObjectNode();
    n.put("account", b.wanted().account());
    n.put("usable", b.stateUsable());
    n.put("check", switch (b) {
      case BindingCheck.Fresh f -> "FRESH";
      case BindingCheck.Same same -> "SAME";
      case BindingCheck.Changed c -> "CHANGED";
      case BindingCheck.Unrecorded u -> "UNRECORDED";
    });
    n.set("recorded", switch (b) {
      case BindingCheck.Fresh f -> null;
      case BindingCheck.Same same -> mailboxes(same.wanted());
      case BindingCheck.Changed c -> mailboxes(c.recorded());
      case BindingCheck.Unrecorded u -> null;
    });
    n.set("planned", mailboxes(b.wanted()));
    n.put("warning", b.warning().orElse(null));
    return n;
  }

  private static ObjectNode mailboxes(AccountBinding b) {
    ObjectNode n = JSON.createObjectNode();
    n.set("source", JSON.valueToTree(b.source()));
    n.set("destination", JSON.valueToTree(b.destination()));
    return n;
  }

  /** The MX gate: state, the earliest moment (ISO-8601, UTC) when known, and why. */
  public static ObjectNode gate(MxGate g) {
    ObjectNode n = JSON.createObjectNode();
    n.put("state", g.state().name());
    n.put("notBefore", g.notBefore().map(Object::toString).orElse(null));
    n.put("explanation", g.explanation());
    return n;
  }

  public static String problems(List<Problem> problems) {
    ObjectNode root = JSON.createObjectNode();
    root.put("valid", problems.stream().noneMatch(Problem::isError));
    root.set("problems", JSON.valueToTree(problems));
    return write(root);
  }

  public static String write(Object tree) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static tools.jackson.databind.JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
