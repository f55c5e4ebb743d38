package dev.mailshift.plan.load;

import dev.mailshift.plan.Phase;
import dev.mailshift.plan.StepKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code phases:} list; no list means the one implicit phase. */
final class PhaseReader {
  static final List<String> KEYS = List.of("name", "batch", "steps", "gate");
  static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
  static final Pattern BATCH = Pattern.compile("[A-Za-z0-9._-]+");

  private static final List<String> STEP_NAMES =
      Arrays.stream(StepKind.values()).map(StepKind::yamlName).toList();

  private final ReadContext ctx;

  PhaseReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  List<Phase> read(Optional<Node> node) {
    if (node.isEmpty()) {
      return List.of(Phase.implicitMigrate());
    }
    List<Node> items = ctx.sequence(node.get(), "phases").orElse(List.of());
    if (items.isEmpty()) {
      ctx.error(node.get(), "phases is empty",
          "list at least one phase, or remove phases: for one implicit phase");
    }
    List<Phase> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap.read(items.get(i), "phases[" + i + "]", KEYS, ctx).flatMap(this::phase)
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<Phase> phase(YamlMap m) {
    Optional<String> name = m.requiredString("name", "add name: rehearsal (a-z, 0-9, . _ -)");
    name.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> ctx.error(
        m.valueLocation("name"), m.path("name") + " '" + n + "' has characters other than"
            + " a-z 0-9 . _ -", "rename the phase, e.g. cutover-1"));
    Optional<String> batch = m.nonEmpty("batch");
    batch.filter(b -> !BATCH.matcher(b).matches()).ifPresent(b -> ctx.error(
        m.valueLocation("batch"), m.path("batch") + " '" + b + "' has characters other than"
            + " letters, digits, . _ -", "use the batch name the accounts give"));
    List<StepKind> steps = m.has("steps") ? steps(m) : Defaults.PHASE_STEPS;
    Phase.Gate gate = m.choice("gate", Choices.of(Phase.Gate.class)).orElse(Defaults.GATE);
    return name.map(n -> new Phase(n, batch, steps, gate, m.location()));
  }

  private List<StepKind> steps(YamlMap m) {
    Optional<List<Node>> list = m.sequence("steps");
    List<Node> items = list.orElse(List.of());
    if (list.isPresent() && items.isEmpty()) {
      ctx.error(m.valueLocation("steps"), m.path("steps") + " is empty",
          "list the steps to run: " + String.join(", ", STEP_NAMES));
    }
    List<StepKind> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String where = m.path("steps") + "[" + i + "]";
      Optional<String> text = ctx.string(item, where);
      Optional<StepKind> kind = text.flatMap(StepKind::fromYaml);
      if (text.isPresent() && kind.isEmpty()) {
        ctx.error(item, where + ": unknown step '" + text.get() + "'",
            Suggestions.fix(text.get(), STEP_NAMES));
      } else if (kind.isPresent() && out.contains(kind.get())) {
        ctx.error(item, where + ": step '" + text.get() + "' is listed twice",
            "list each step once");
      } else {
        kind.ifPresent(out::add);
      }
    }
    return out;
  }
}
