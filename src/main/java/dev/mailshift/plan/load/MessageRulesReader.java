package dev.mailshift.plan.load;

import dev.mailshift.plan.MessageRules;
import java.util.List;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code messages:} block. */
final class MessageRulesReader {
  static final List<String> KEYS =
      List.of("max-size", "copy-deleted", "deletions", "deletion-ceiling");

  private MessageRulesReader() {}

  static MessageRules read(Node node, ReadContext ctx) {
    MessageRules d = Defaults.MESSAGES;
    return YamlMap.read(node, "messages", KEYS, ctx).map(m -> new MessageRules(
        maxSize(m, ctx, d.maxSize()),
        m.bool("copy-deleted").orElse(d.copyDeleted()),
        m.choice("deletions", Choices.of(MessageRules.Deletions.class)).orElse(d.deletions()),
        m.integer("deletion-ceiling", 0, Integer.MAX_VALUE).map(Long::intValue)
            .orElse(d.deletionCeiling())))
        .orElse(d);
  }

  /** {@code max-size: null} (or absent) means no plan limit; zero is refused as a likely typo. */
  private static OptionalLong maxSize(YamlMap m, ReadContext ctx, OptionalLong fallback) {
    if (m.get("max-size").map(n -> n.getTag().equals(Tag.NULL)).orElse(false)) {
      return OptionalLong.empty();
    }
    return m.size("max-size").map(size -> {
      if (size == 0) {
        ctx.error(m.valueLocation("max-size"), "messages.max-size is 0, so nothing would be"
            + " copied", "give a size such as 50MB, or remove max-size for no limit");
        return fallback;
      }
      return OptionalLong.of(size);
    }).orElse(fallback);
  }
}
