package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemFormatterTest {
  @Test
  void format_errorWithFix_twoLines() {
    Problem p = Problem.error(new Location("plans/x.yaml", 12, 7), "unknown key 'imapp'",
        "did you mean 'imap'?");
    assertThat(ProblemFormatter.format(p)).isEqualTo(
        "error: plans/x.yaml:12:7: unknown key 'imapp'\n  fix: did you mean 'imap'?");
  }

  @Test
  void format_warningOnACsvLineWithoutFix_oneLine() {
    Problem p = Problem.warning(new Location("accounts.csv", 3, 0), "odd", "");
    assertThat(ProblemFormatter.format(p)).isEqualTo("warning: accounts.csv:3: odd");
  }

  @Test
  void format_unknownLocation_leftOut() {
    Problem p = Problem.error(Location.UNKNOWN, "broken", "mend it");
    assertThat(ProblemFormatter.format(p)).isEqualTo("error: broken\n  fix: mend it");
  }

  @Test
  void format_list_oneAfterTheOther() {
    Problem a = Problem.error(new Location("p.yaml", 0, 0), "a", "");
    Problem b = Problem.warning(new Location("p.yaml", 2, 1), "b", "c");
    assertThat(ProblemFormatter.format(List.of(a, b)))
        .isEqualTo("error: p.yaml: a\nwarning: p.yaml:2:1: b\n  fix: c\n");
  }
}
