package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The state of one load: the file being read, the directory its relative paths start from, and
 * every problem found so far. Converts nodes to Java values, reporting a wrong type (with the
 * node's position) instead of failing, so that loading goes on and reports everything.
 */
final class ReadContext {
  private final String file;
  private final Path baseDir;
  private final List<Problem> problems = new ArrayList<>();

  ReadContext(String file, Path baseDir) {
    this.file = file;
    this.baseDir = baseDir;
  }

  String file() {
    return file;
  }

  Path baseDir() {
    return baseDir;
  }

  /** {@code relative} resolved against the plan's directory. */
  Path resolve(String relative) {
    return baseDir.resolve(relative).normalize();
  }

  Location at(Node node) {
    return new Location(file, node.getStartMark().getLine() + 1,
        node.getStartMark().getColumn() + 1);
  }

  void error(Location where, String what, String fix) {
    problems.add(Problem.error(where, what, fix));
  }

  void error(Node node, String what, String fix) {
    error(at(node), what, fix);
  }

  void warning(Location where, String what, String fix) {
    problems.add(Problem.warning(where, what, fix));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  Optional<String> string(Node node, String what) {
    if (isScalar(node, Tag.STR)) {
      return Optional.of(((ScalarNode) node).getValue());
    }
    return wrongType(node, what, "text", "quote it if it looks like a number or true/false");
  }

  Optional<Long> integer(Node node, String what, long min, long max) {
    if (!isScalar(node, Tag.INT)) {
      return wrongType(node, what, "a whole number", "write digits only, without quotes");
    }
    String text = ((ScalarNode) node).getValue();
    try {
      long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // fall through: out of range for a long is out of range for us
    }
    error(node, what + " is " + text + ", outside " + min + ".." + max,
        "use a number from " + min + " to " + max);
    return Optional.empty();
  }

  Optional<Boolean> bool(Node node, String what) {
    if (isScalar(node, Tag.BOOL)) {
      return Optional.of(((ScalarNode) node).getValue().equalsIgnoreCase("true"));
    }
    return wrongType(node, what, "true or false", "write true or false, without quotes");
  }

  Optional<List<Node>> sequence(Node node, String what) {
    if (node instanceof SequenceNode seq && seq.getTag().equals(Tag.SEQ)) {
      return Optional.of(seq.getValue());
    }
    return wrongType(node, what, "a list", "write a list: [a, b] or one '- item' per line");
  }

  /** The text of a scalar map key of any plain type (keys such as {@code 2009:} are fine). */
  Optional<String> key(Node node, String what) {
    if (node instanceof ScalarNode scalar && isCoreScalarTag(scalar.getTag())) {
      return Optional.of(scalar.getValue());
    }
    return wrongType(node, "a key in " + what, "text", "keys are plain words: write key: value");
  }

  <T> Optional<T> wrongType(Node node, String what, String expected, String fix) {
    error(node, what + " must be " + expected + ", found " + describe(node), fix);
    return Optional.empty();
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return "nothing (null)";
    }
    // Never the value itself: a mistyped password must not end up in an error message.
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (tag.equals(Tag.BOOL)) {
      return "true/false";
    }
    if (tag.equals(Tag.STR)) {
      return "text";
    }
    return "a value tagged " + tag.getValue();
  }

  private static boolean isScalar(Node node, Tag tag) {
    return node instanceof ScalarNode && node.getTag().equals(tag);
  }

  private static boolean isCoreScalarTag(Tag tag) {
    return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
        || tag.equals(Tag.BOOL);
  }
}
