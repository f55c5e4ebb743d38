package dev.mailshift.plan.check;

import dev.mailshift.plan.Location;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML node tree as a Jackson tree for the JSON Schema validator, with an index from each
 * JSON pointer ({@code /servers/old/imap}) to where its value, and its key, stand in the file.
 * Scalars keep the type the YAML 1.2 core schema gives them.
 */
final class JsonTree {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final Map<String, Location> values = new HashMap<>();
  private final Map<String, Location> keys = new HashMap<>();
  private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
  private final JsonNode root;

  JsonTree(Node yamlRoot, String file) {
    this.file = file;
    this.root = convert(yamlRoot, "");
  }

  JsonNode root() {
    return root;
  }

  /** Where the value at {@code pointer} is written; the nearest written ancestor if not. */
  Location value(String pointer) {
    String p = pointer;
    while (!values.containsKey(p) && !p.isEmpty()) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return values.getOrDefault(p, new Location(file, 1, 1));
  }

  /** Where the key of the member {@code pointer} is written, if it is. */
  Optional<Location> key(String pointer) {
    return Optional.ofNullable(keys.get(pointer));
  }

  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  private JsonNode convert(Node node, String pointer) {
    values.put(pointer, at(node));
    if (!ancestors.add(node)) {
      return JSON.nullNode(); // a recursive alias: its value is already being converted above
    }
    try {
      return switch (node) {
        case MappingNode m -> object(m, pointer);
        case SequenceNode s -> array(s, pointer);
        case ScalarNode s -> scalar(s);
        default -> JSON.nullNode();
      };
    } finally {
      ancestors.remove(node);
    }
  }

  private ObjectNode object(MappingNode mapping, String pointer) {
    ObjectNode out = JSON.objectNode();
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && !out.has(k.getValue())) {
        String member = child(pointer, k.getValue());
        keys.put(member, at(k));
        out.set(k.getValue(), convert(t.getValueNode(), member));
      }
    }
    return out;
  }

  private ArrayNode array(SequenceNode sequence, String pointer) {
    ArrayNode out = JSON.arrayNode();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      out.add(convert(sequence.getValue().get(i), pointer + "/" + i));
    }
    return out;
  }

  private static JsonNode scalar(ScalarNode s) {
    Tag tag = s.getTag();
    String text = s.getValue();
    try {
      if (tag.equals(Tag.INT)) {
        return JSON.numberNode(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
      }
      if (tag.equals(Tag.FLOAT)) {
        return JSON.numberNode(new BigDecimal(text));
      }
    } catch (NumberFormatException e) {
      return JSON.stringNode(text); // .inf / .nan: no JSON number; the schema reports the type
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(text.equalsIgnoreCase("true"));
    }
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    return JSON.stringNode(text);
  }

  private Location at(Node node) {
    return new Location(file, node.getStartMark().getLine() + 1,
        node.getStartMark().getColumn() + 1);
  }
}
