package dev.mailshift.plan.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The plan's JSON Schema, loaded once from the classpath ({@code /schemas/plan.schema.json}, a
 * copy of the top-level {@code schemas/} made by the build), with {@code format} asserted.
 * Errors are mapped back to the YAML through the {@link JsonTree}'s pointer index.
 */
final class SchemaCheck {
  static final String RESOURCE = "/schemas/plan.schema.json";
  private static final String FIX =
      "see this key's description in schemas/plan.schema.json (editors show it with the"
          + " yaml-language-server line at the top of the plan)";

  private final Schema schema;

  SchemaCheck() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build"
            + " copies it from schemas/");
      }
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in);
      schema.initializeValidators();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Problem> check(JsonTree tree) {
    List<Error> errors = schema.validate(tree.root(),
        ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    return errors.stream().map(e -> problem(e, tree)).toList();
  }

  private static Problem problem(Error e, JsonTree tree) {
    String pointer = pointer(e.getInstanceLocation());
    Location where = switch (e.getKeyword()) {
      case "additionalProperties", "propertyNames" -> e.getProperty() == null
          ? tree.value(pointer)
          : tree.key(JsonTree.child(pointer, e.getProperty())).orElse(tree.value(pointer));
      default -> tree.value(pointer);
    };
    String path = pointer.isEmpty() ? "the plan" : dotted(pointer);
    return Problem.error(where, path + " " + e.getMessage() + " (schema)", FIX);
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append(element instanceof Integer index ? "/" + index
          : JsonTree.child("", String.valueOf(element)));
    }
    return sb.toString();
  }

  /** {@code /servers/old/limits} as the plan's own paths read: {@code servers.old.limits}. */
  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
        sb.append('[').append(name).append(']');
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(name);
      }
    }
    return sb.toString();
  }
}
