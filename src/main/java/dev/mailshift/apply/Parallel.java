package dev.mailshift.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs a function over items on a bounded number of threads; results in the items' order. */
final class Parallel {
  private Parallel() {}

  static <T, R> Map<T, Attempt<R>> forEach(int threads, List<T> items, Function<T, R> fn) {
    Map<T, Attempt<R>> out = new LinkedHashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
      Thread t = new Thread(r, "mailshift-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Attempt<R>>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          try {
            return Attempt.ok(fn.apply(item));
          } catch (RuntimeException e) {
            return Attempt.<R>failed(e);
          }
        }));
      }
      for (int i = 0; i < items.size(); i++) {
        out.put(items.get(i), futures.get(i).get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for workers", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
