package dev.mailshift.plan.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1 rules. Why:
 * under 1.1, {@code special-use: off} is the boolean false, {@code yes}/{@code no}/{@code on} are
 * booleans ("the Norway problem"), {@code 010} is octal and {@code 2009-01-01} a timestamp. A plan
 * reads the way it looks: only {@code true}/{@code false} are booleans, only decimal digits are
 * integers, and there are no implicit timestamps or merge keys.
 */
final class CoreSchemaResolver extends Resolver {
  private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern CORE_INT = Pattern.compile("^[-+]?[0-9]+$");
  private static final Pattern CORE_FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
    addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.NULL, CORE_NULL, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}
