package dev.mailshift.sync;

import dev.mailshift.imap.ImapException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Numbers every operation on the fake servers (and on a {@link CrashingSyncStore}) in one
 * sequence, and injects a failure at chosen numbers: before the operation takes effect, or after
 * it took effect but before its caller hears back (the APPEND that landed while the connection
 * died).
 */
final class Faults {
  enum When {
    BEFORE,
    AFTER
  }

  private record Rule(When when, Supplier<? extends Throwable> failure) {}

  private final Map<Integer, Rule> rules = new HashMap<>();
  private int count;

  int count() {
    return count;
  }

  Faults crashAt(int operation, When when) {
    rules.put(operation, new Rule(when, () -> new SimulatedCrash(operation, "see stack")));
    return this;
  }

  Faults dropAt(int operation, When when) {
    rules.put(operation, new Rule(when, () -> new ImapException(ImapException.Kind.DROPPED,
        "connection reset", "* BYE server shutting down", null)));
    return this;
  }

  void clear() {
    rules.clear();
  }

  <T> T around(Supplier<T> effect) {
    int n = ++count;
    Rule rule = rules.get(n);
    if (rule != null && rule.when() == When.BEFORE) {
      fail(rule);
    }
    T result = effect.get();
    if (rule != null && rule.when() == When.AFTER) {
      fail(rule);
    }
    return result;
  }

  void around(Runnable effect) {
    around(() -> {
      effect.run();
      return null;
    });
  }

  private static void fail(Rule rule) {
    Throwable t = rule.failure().get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    throw (Error) t;
  }
}
