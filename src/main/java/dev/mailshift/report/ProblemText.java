package dev.mailshift.report;

import dev.mailshift.plan.Problem;
import java.util.List;

/** Renders plan problems: {@code error: file:line:col: what} then {@code   fix: action}. */
public final class ProblemText {
  private ProblemText() {}

  public static String render(List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      out.append(p.isError() ? "error: " : "warning: ");
      String where = p.location().toString();
      if (!where.isEmpty()) {
        out.append(where).append(": ");
      }
      out.append(p.message()).append('\n');
      if (!p.fix().isBlank()) {
        out.append("  fix: ").append(p.fix()).append('\n');
      }
    }
    return out.toString();
  }
}
