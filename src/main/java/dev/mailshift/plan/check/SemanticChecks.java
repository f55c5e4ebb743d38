package dev.mailshift.plan.check;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks that need the whole plan: unique account ids and phase names, no mailbox migrated twice
 * or onto itself, phases that select accounts, and warnings for weakened transport security.
 * (Server references, regular expressions, steps and {@code map} targets are checked by the
 * loader, where their exact positions are known.)
 */
final class SemanticChecks {
  private final List<Problem> problems = new ArrayList<>();

  static List<Problem> check(Plan plan) {
    SemanticChecks c = new SemanticChecks();
    c.uniqueIds(plan.accounts());
    c.mailboxes(plan.accounts());
    c.phaseNames(plan.phases());
    c.phaseBatches(plan);
    c.transport(plan.servers().values());
    c.unusedServers(plan);
    c.problems.addAll(DnsChecks.check(plan));
    return List.copyOf(c.problems);
  }

  private void uniqueIds(List<Account> accounts) {
    firstAgain(accounts, Account::id, (first, again) -> problems.add(Problem.error(
        again.location(), "account id '" + again.id() + "' is already used at "
            + first.location(), "give one of the two accounts its own id:")));
  }

  private void mailboxes(List<Account> accounts) {
    firstAgain(accounts, a -> a.source().server() + "\n" + a.source().user(),
        (first, again) -> problems.add(Problem.error(again.location(), "source mailbox "
            + again.source().user() + " on " + again.source().server()
            + " is already migrated by the account at " + first.location(),
            "remove one of the two accounts")));
    firstAgain(accounts, a -> a.destination().server() + "\n" + a.destination().user(),
        (first, again) -> problems.add(Problem.warning(again.location(), "destination mailbox "
            + again.destination().user() + " on " + again.destination().server()
            + " also receives the account at " + first.location()
            + ": their folders are merged", "if merging is not intended, fix destination:")));
    for (Account a : accounts) {
      if (a.source().server().equals(a.destination().server())
          && a.source().user().equals(a.destination().user())) {
        problems.add(Problem.error(a.location(), "account " + a.id() + " copies "
            + a.source().user() + " on " + a.source().server() + " onto itself",
            "set destination-server (or destination) to a different server or login"));
      }
    }
  }

  private void phaseNames(List<Phase> phases) {
    firstAgain(phases, Phase::name, (first, again) -> problems.add(Problem.error(
        again.location(), "phase name '" + again.name() + "' is already used at "
            + first.location(), "rename one of the two phases")));
  }

  private void phaseBatches(Plan plan) {
    Set<String> batches = new LinkedHashSet<>();
    plan.accounts().forEach(a -> a.batch().ifPresent(batches::add));
    for (Phase p : plan.phases()) {
      p.batch().filter(b -> !batches.contains(b)).ifPresent(b -> problems.add(
          Problem.warning(p.location(), "phase " + p.name() + " selects batch '" + b
              + "', which no account belongs to", fixForBatch(b, batches))));
    }
    if (plan.phases().stream().allMatch(p -> p.batch().isPresent())) {
      Set<Optional<String>> selected = new LinkedHashSet<>();
      plan.phases().forEach(p -> selected.add(p.batch()));
      Map<Optional<String>, Account> firstOfBatch = new LinkedHashMap<>();
      plan.accounts().forEach(a -> firstOfBatch.putIfAbsent(a.batch(), a));
      firstOfBatch.forEach((batch, first) -> {
        if (!selected.contains(batch)) {
          problems.add(Problem.warning(first.location(), "no phase selects "
              + batch.map(b -> "batch '" + b + "'").orElse("accounts without a batch")
              + ", so account " + first.id() + " (and any others in it) is never migrated",
              "add a phase without batch:, or one with this batch"));
        }
      });
    }
  }

  private static String fixForBatch(String batch, Set<String> batches) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return batches.stream().filter(b -> distance.apply(b, batch) <= 2).findFirst()
        .map(b -> "did you mean '" + b + "'?")
        .orElse(batches.isEmpty() ? "set batch: on the accounts this phase should run"
            : "use one of: " + String.join(", ", batches));
  }

  private void transport(Iterable<Server> servers) {
    for (Server s : servers) {
      if (s.insecure()) {
        problems.add(Problem.warning(s.location(), "server " + s.name() + " is insecure:"
            + " its certificate is not verified, so the connection can be intercepted",
            "give ca-file: with the server's CA instead of insecure: true"));
      }
      if (s.tls() == Server.Tls.NONE) {
        problems.add(Problem.warning(s.location(), "server " + s.name() + " allows plaintext:"
            + " logins and mail cross the network unencrypted", "enable TLS on the server"
            + " and remove plaintext: true"));
      }
    }
  }

  private void unusedServers(Plan plan) {
    Set<String> used = new LinkedHashSet<>();
    plan.accounts().forEach(a -> {
      used.add(a.source().server());
      used.add(a.destination().server());
    });
    plan.servers().values().stream().filter(s -> !used.contains(s.name())).forEach(s ->
        problems.add(Problem.warning(s.location(), "server " + s.name()
            + " is used by no account", "remove it, or name it in source-server or"
            + " destination-server")));
  }

  /** Calls {@code again} for each element whose key an earlier element already had. */
  private static <T> void firstAgain(List<T> items, Function<T, String> key,
      java.util.function.BiConsumer<T, T> again) {
    Map<String, T> first = new HashMap<>();
    for (T item : items) {
      T earlier = first.putIfAbsent(key.apply(item), item);
      if (earlier != null) {
        again.accept(earlier, item);
      }
    }
  }
}
