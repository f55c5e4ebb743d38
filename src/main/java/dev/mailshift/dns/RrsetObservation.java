package dev.mailshift.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One RRset as every authoritative server answered it, in server order. The first server is the
 * reference (the primary, where updates go); the others are compared with it.
 */
public record RrsetObservation(RrsetKey key, List<ServerAnswer> answers) {

  /** One server's answer. */
  public record ServerAnswer(String server, RrsetSnapshot snapshot) {
    public ServerAnswer {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  public RrsetObservation {
    Objects.requireNonNull(key, "key");
    answers = List.copyOf(answers);
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("no server answers for " + key);
    }
  }

  /** The reference server's answer: the state a change is planned against. */
  public RrsetSnapshot reference() {
    return answers.get(0).snapshot();
  }

  /** True when every server serves the same records with the same TTL as the reference. */
  public boolean consistent() {
    RrsetSnapshot ref = reference();
    return answers.stream().allMatch(a -> a.snapshot().equals(ref));
  }

  /** The largest TTL any server served: how long a resolver may still cache this RRset. */
  public long maxTtl() {
    return answers.stream().mapToLong(a -> a.snapshot().ttl()).max().orElse(0);
  }

  /** A description of how the servers disagree, if they do. */
  public Optional<String> disagreement() {
    if (consistent()) {
      return Optional.empty();
    }
    String detail =
        answers.stream()
            .map(a -> "    " + a.server() + ": " + String.join(" | ", a.snapshot().lines()))
            .collect(Collectors.joining("\n"));
    return Optional.of(
        "authoritative servers disagree on " + key + " (a secondary may not have transferred the"
            + " zone yet):\n" + detail);
  }
}
