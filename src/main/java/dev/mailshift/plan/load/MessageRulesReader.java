package dev.mailshift.plan.load;

import dev.mailshift.plan.MessageRules;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code messages:} block, and refuses selections that would copy nothing. */
final class MessageRulesReader {
  static final List<String> KEYS = List.of("max-size", "copy-deleted", "deletions",
      "deletion-ceiling", "max-age", "min-age", "since", "before", "min-size", "search");

  private MessageRulesReader() {}

  static MessageRules read(org.yaml.snakeyaml.nodes.Node node, ReadContext ctx) {
    MessageRules d = Defaults.MESSAGES;
    return YamlMap.read(node, "messages", KEYS, ctx).map(m -> {
      MessageRules r = new MessageRules(
          positiveSize(m, "max-size", ctx, d.maxSize()),
          m.bool("copy-deleted").orElse(d.copyDeleted()),
          m.choice("deletions", Choices.of(MessageRules.Deletions.class)).orElse(d.deletions()),
          m.integer("deletion-ceiling", 0, Integer.MAX_VALUE).map(Long::intValue)
              .orElse(d.deletionCeiling()),
          age(m, "max-age", ctx).or(d::maxAge),
          age(m, "min-age", ctx).or(d::minAge),
          isNull(m, "since") ? Optional.empty() : m.date("since").or(d::since),
          isNull(m, "before") ? Optional.empty() : m.date("before").or(d::before),
          positiveSize(m, "min-size", ctx, d.minSize()),
          search(m, ctx).or(d::search));
      consistent(r, m, ctx);
      return r;
    }).orElse(d);
  }

  /** {@code key: null} (or {@code key:}) says "no limit", as the schema's default does. */
  private static boolean isNull(YamlMap m, String key) {
    return m.get(key).map(n -> n.getTag().equals(Tag.NULL)).orElse(false);
  }

  /** {@code null} (or absent) means no limit; zero is refused as a likely typo. */
  private static OptionalLong positiveSize(YamlMap m, String key, ReadContext ctx,
      OptionalLong fallback) {
    if (isNull(m, key)) {
      return OptionalLong.empty();
    }
    return m.size(key).map(size -> {
      if (size == 0) {
        ctx.error(m.valueLocation(key), "messages." + key + " is 0, "
            + (key.equals("max-size") ? "so nothing would be copied" : "which limits nothing"),
            "give a size such as 50MB, or remove " + key + " for no limit");
        return fallback;
      }
      return OptionalLong.of(size);
    }).orElse(fallback);
  }

  private static Optional<Period> age(YamlMap m, String key, ReadContext ctx) {
    if (isNull(m, key)) {
      return Optional.empty();
    }
    return m.string(key).flatMap(text -> {
      try {
        return Optional.of(AgeText.parse(text));
      } catch (IllegalArgumentException e) {
        ctx.error(m.valueLocation(key), "messages." + key + ": " + e.getMessage(), AgeText.FIX);
        return Optional.empty();
      }
    });
  }

  private static Optional<String> search(YamlMap m, ReadContext ctx) {
    if (isNull(m, "search")) {
      return Optional.empty();
    }
    return m.string("search").flatMap(text -> {
      Optional<String> problem = SearchText.problem(text);
      problem.ifPresent(p -> ctx.error(m.valueLocation("search"), "messages.search " + p,
          "write an IMAP SEARCH expression (RFC 3501 6.4.4), e.g."
              + " NOT HEADER X-Spam-Flag YES, quoting strings with spaces"));
      return problem.isPresent() ? Optional.empty() : Optional.of(text.strip());
    });
  }

  /** A window that holds nothing would silently copy nothing: say so. */
  private static void consistent(MessageRules r, YamlMap m, ReadContext ctx) {
    if (r.minSize().isPresent() && r.maxSize().isPresent()
        && r.minSize().getAsLong() > r.maxSize().getAsLong()) {
      ctx.error(m.valueLocation("min-size"), "messages.min-size is above messages.max-size,"
          + " so nothing would be copied", "lower min-size or raise max-size");
    }
    if (r.since().isPresent() && r.before().isPresent()
        && !r.since().get().isBefore(r.before().get())) {
      ctx.error(m.valueLocation("before"), "messages.before (" + r.before().get()
          + ") is not after messages.since (" + r.since().get() + "), so nothing would be copied",
          "swap them, or widen the range");
    }
    if (r.minAge().isPresent() && r.maxAge().isPresent()) {
      LocalDate day = LocalDate.of(2000, 1, 1);
      if (!day.minus(r.maxAge().get()).isBefore(day.minus(r.minAge().get()))) {
        ctx.error(m.valueLocation("min-age"), "messages.min-age is not below messages.max-age,"
            + " so nothing would be copied", "lower min-age or raise max-age");
      }
    }
  }
}
