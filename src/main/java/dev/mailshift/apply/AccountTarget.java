package dev.mailshift.apply;

import dev.mailshift.plan.FolderRules;
import java.util.Objects;

/** One account ready to work on: where to log in on each side, and its folder rules. */
public record AccountTarget(String id, SessionKey source, SessionKey destination, FolderRules rules) {
  public AccountTarget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(rules, "rules");
  }
}
