package dev.mailshift.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of plan files that passed the JSON Schema, keyed by both hashes, across opens. */
class ValidatedPlanStoreTest {
  @TempDir Path dir;

  @Test
  void planValidated_afterPassedValidation_trueOnlyForThatPlanAndSchema() {
    // given
    Path file = dir.resolve("state.db");
    try (StateStore store = StateStore.open(file)) {
      store.planPassedValidation("plan-a", "schema-1");
      store.planPassedValidation("plan-a", "schema-1");
    }

    // when / then: remembered across opens, and only for the same pair of hashes
    try (StateStore store = StateStore.open(file)) {
      assertThat(store.planValidated("plan-a", "schema-1")).isTrue();
      assertThat(store.planValidated("plan-b", "schema-1")).isFalse();
      assertThat(store.planValidated("plan-a", "schema-2")).isFalse();
    }
  }
}
