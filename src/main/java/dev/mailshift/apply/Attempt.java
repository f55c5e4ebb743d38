package dev.mailshift.apply;

import java.util.function.Consumer;

/** The value of a task, or the failure that took its place. */
record Attempt<R>(R value, RuntimeException error) {
  static <R> Attempt<R> ok(R value) {
    return new Attempt<>(value, null);
  }

  static <R> Attempt<R> failed(RuntimeException error) {
    return new Attempt<>(null, error);
  }

  void ifPresentOrElse(Consumer<R> onValue, Consumer<RuntimeException> onError) {
    if (error == null) {
      onValue.accept(value);
    } else {
      onError.accept(error);
    }
  }
}
