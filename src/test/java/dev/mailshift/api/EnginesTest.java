package dev.mailshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Plan;
import dev.mailshift.plan.check.PlanValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {
  @TempDir Path dir;

  @Test
  void retries_perAccount_areTheLargerOfItsTwoServersNotThePlansLargest() throws Exception {
    // given: three servers with 2, 9 and (by default) 5 retries
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        mailshift: 1
        name: retries
        servers:
          old: { imap: "imaps://old.example", limits: { retries: 2 } }
          new: { imap: "imaps://new.example", limits: { retries: 9 } }
          other: { imap: "imaps://other.example" }
        accounts:
          defaults: { source-password: "env:A", destination-password: "env:B" }
          list:
            - { source: a, source-server: old, destination-server: new }
            - { source: b, source-server: old, destination-server: other }
            - { source: c, destination: d, source-server: old, destination-server: old }
        """);
    var result = new PlanValidator().validate(file);
    Plan plan = result.plan().orElseThrow(() -> new AssertionError(result.problems()));

    // when
    Map<String, Integer> retries = Engines.retries(plan);

    // then
    assertThat(retries).containsExactlyInAnyOrderEntriesOf(Map.of("a", 9, "b", 5, "c", 2));
  }
}
