package dev.mailshift.plan.check;

import dev.mailshift.plan.Problem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders problems the way every mailshift message looks:
 *
 * <pre>
 * error: plans/acme.yaml:12:7: unknown key 'imapp' in servers.old
 *   fix: did you mean 'imap'?
 * </pre>
 *
 * The position is left out when unknown, the fix line when there is none.
 */
public final class ProblemFormatter {
  private ProblemFormatter() {}

  public static String format(Problem problem) {
    StringBuilder sb = new StringBuilder(problem.severity().name().toLowerCase(Locale.ROOT))
        .append(": ");
    String where = problem.location().toString();
    if (!where.isEmpty()) {
      sb.append(where).append(": ");
    }
    sb.append(problem.message());
    if (!problem.fix().isEmpty()) {
      sb.append("\n  fix: ").append(problem.fix());
    }
    return sb.toString();
  }

  /** Each problem formatted, one after the other, each ending with a newline. */
  public static String format(List<Problem> problems) {
    return problems.stream().map(p -> format(p) + "\n").collect(Collectors.joining());
  }
}
