package dev.mailshift.dns;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a propagation check: whether every authoritative server answered the expected
 * RRset, when the check ended, how many polling rounds it took, and each server's last state.
 */
public record PropagationResult(
    RrsetSnapshot expected, boolean complete, Instant finishedAt, int rounds,
    List<ServerState> servers) {

  /** One server's last answer: whether it matched, and what it served (or the error). */
  public record ServerState(String server, boolean matches, String detail) {
    public ServerState {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public PropagationResult {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(finishedAt, "finishedAt");
    servers = List.copyOf(servers);
  }

  /** The servers that did not (yet) answer the expected RRset, with what they served. */
  public String pendingDescription() {
    return servers.stream()
        .filter(s -> !s.matches())
        .map(s -> "    " + s.server() + ": " + s.detail())
        .collect(Collectors.joining("\n"));
  }
}
