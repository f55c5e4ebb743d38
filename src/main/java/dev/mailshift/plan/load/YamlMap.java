package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of the plan with its keys checked: duplicates and unknown keys are reported
 * (with a did-you-mean) when it is read, and values are converted through the {@link
 * ReadContext}, so a wrong type is a problem at the value's position, not an exception.
 *
 * @param path where the mapping is, for messages: {@code servers.old.limits}
 */
final class YamlMap {
  private final MappingNode node;
  private final String path;
  private final ReadContext ctx;
  private final Map<String, NodeTuple> entries;

  private YamlMap(MappingNode node, String path, ReadContext ctx, Map<String, NodeTuple> entries) {
    this.node = node;
    this.path = path;
    this.ctx = ctx;
    this.entries = entries;
  }

  /** Reads {@code node} as a mapping whose keys must be among {@code keys} (in schema order). */
  static Optional<YamlMap> read(Node node, String path, List<String> keys, ReadContext ctx) {
    return readChecked(node, path, keys, ctx);
  }

  /** Reads {@code node} as a mapping of free keys (names of servers, folders), no key check. */
  static Optional<Map<String, NodeTuple>> entries(Node node, String path, ReadContext ctx) {
    return readChecked(node, path, null, ctx).map(m -> m.entries);
  }

  /** {@code keys == null}: any key is allowed (duplicates are still reported). */
  private static Optional<YamlMap> readChecked(
      Node node, String path, List<String> keys, ReadContext ctx) {
    if (!(node instanceof MappingNode mapping)) {
      return ctx.wrongType(node, label(path), "a mapping (key: value)",
          "write one 'key: value' per line, indented under " + label(path));
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    Map<String, Node> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Optional<String> key = ctx.key(tuple.getKeyNode(), label(path));
      if (key.isEmpty()) {
        continue;
      }
      Node first = seen.putIfAbsent(key.get(), tuple.getKeyNode());
      if (first != null) {
        Location was = ctx.at(first);
        ctx.error(tuple.getKeyNode(), "duplicate key '" + key.get() + "' in " + label(path)
            + " (first at line " + was.line() + ")", "remove one of the two");
      } else if (keys == null || keys.contains(key.get())) {
        entries.put(key.get(), tuple);
      } else {
        ctx.error(tuple.getKeyNode(), "unknown key '" + key.get() + "' in " + label(path),
            Suggestions.fix(key.get(), keys));
      }
    }
    return Optional.of(new YamlMap(mapping, path, ctx, entries));
  }

  String path() {
    return path;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Location location() {
    return ctx.at(node);
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Optional<Node> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  /** Where {@code key} is written, or the mapping itself when the key is absent. */
  Location keyLocation(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? location() : ctx.at(t.getKeyNode());
  }

  Location valueLocation(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? location() : ctx.at(t.getValueNode());
  }

  Optional<String> string(String key) {
    return get(key).flatMap(n -> ctx.string(n, path(key)));
  }

  /** Text that must not be empty (a name, a login, a path); "" is reported at the value. */
  Optional<String> nonEmpty(String key) {
    Optional<String> text = string(key);
    if (text.isPresent() && text.get().isEmpty()) {
      ctx.error(valueLocation(key), path(key) + " is empty", "write a value, or remove the key");
      return Optional.empty();
    }
    return text;
  }

  /** A required, non-empty text value; its absence is reported at the mapping with {@code fix}. */
  Optional<String> requiredString(String key, String fix) {
    if (!has(key)) {
      missing(key, fix);
      return Optional.empty();
    }
    return nonEmpty(key);
  }

  void missing(String key, String fix) {
    ctx.error(location(), label(path) + " has no '" + key + "'", fix);
  }

  Optional<Long> integer(String key, long min, long max) {
    return get(key).flatMap(n -> ctx.integer(n, path(key), min, max));
  }

  /** A size: a whole number of bytes, or text such as {@code 20MB} ({@link ByteSize}). */
  Optional<Long> size(String key) {
    Optional<Node> value = get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      return ctx.integer(s, path(key), 0, Long.MAX_VALUE);
    }
    return ctx.string(value.get(), path(key)).flatMap(text -> {
      try {
        return Optional.of(ByteSize.parse(text));
      } catch (IllegalArgumentException e) {
        ctx.error(value.get(), path(key) + ": " + e.getMessage(), ByteSize.FIX);
        return Optional.empty();
      }
    });
  }

  /** A duration such as {@code 60s} ({@link DurationText}), at least {@code min}. */
  Optional<Duration> duration(String key, Duration min) {
    Optional<Node> value = get(key);
    if (value.isPresent() && value.get() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      ctx.error(s, path(key) + " has no unit", DurationText.FIX);
      return Optional.empty();
    }
    Optional<String> text = value.flatMap(n -> ctx.string(n, path(key)));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = DurationText.parse(text.get());
      if (d.compareTo(min) >= 0) {
        return Optional.of(d);
      }
      ctx.error(value.get(), path(key) + " must be at least " + min.toSeconds() + "s",
          "use a longer duration, e.g. 60s");
    } catch (IllegalArgumentException e) {
      ctx.error(value.get(), path(key) + ": " + e.getMessage(), DurationText.FIX);
    }
    return Optional.empty();
  }

  Optional<Boolean> bool(String key) {
    return get(key).flatMap(n -> ctx.bool(n, path(key)));
  }

  Optional<List<Node>> sequence(String key) {
    return get(key).flatMap(n -> ctx.sequence(n, path(key)));
  }

  Optional<YamlMap> map(String key, List<String> keys) {
    return get(key).flatMap(n -> read(n, path(key), keys, ctx));
  }

  /**
   * One of {@code choices} (by its plan spelling, in the order a fix lists them), with a
   * did-you-mean when it is none.
   */
  <E> Optional<E> choice(String key, Map<String, E> choices) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    E value = choices.get(text.get());
    if (value == null) {
      ctx.error(valueLocation(key), path(key) + " cannot be '" + text.get() + "'",
          Suggestions.fix(text.get(), List.copyOf(choices.keySet())));
    }
    return Optional.ofNullable(value);
  }

  private static String label(String path) {
    return path.isEmpty() ? "the plan" : path;
  }
}
