package dev.mailshift.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The retry policy of steps other than folder syncs: which failures, how often, what waits. */
class RetriesTest {
  private final List<Integer> pauses = new ArrayList<>();
  private final Retries retries = new Retries(Map.of("alice", 3), 1, pauses::add);

  /** A unit that fails with {@code kind} the first {@code failures} times, then returns "done". */
  private static java.util.function.Supplier<String> failing(Kind kind, int failures,
      AtomicInteger calls) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw new ImapException(kind, "CREATE \"x\" on imap://host as alice failed", "", null);
      }
      return "done";
    };
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"DROPPED", "THROTTLED"})
  void get_transientFailuresWithinTheRetries_triesAgainAfterEachBackoff(Kind kind) {
    // given
    AtomicInteger calls = new AtomicInteger();

    // when
    String result = retries.get("alice", "create x", failing(kind, 3, calls));

    // then
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(4);
    assertThat(pauses).containsExactly(1, 2, 3);
  }

  @Test
  void get_transientFailuresBeyondTheRetries_throwsTheLastSayingHowManyRetries() {
    // given
    AtomicInteger calls = new AtomicInteger();

    // when
    ImapException e = catchThrowableOfType(ImapException.class,
        () -> retries.get("alice", "create x", failing(Kind.DROPPED, 10, calls)));

    // then
    assertThat(calls).hasValue(4);
    assertThat(e.kind()).isEqualTo(Kind.DROPPED);
    assertThat(e.getMessage()).contains("gave up after 3 retries");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"AUTH", "TLS", "CONNECT", "REJECTED",
      "NO_SUCH_FOLDER", "PROTOCOL"})
  void get_permanentFailure_thrownAtOnceWithoutWaiting(Kind kind) {
    // given
    AtomicInteger calls = new AtomicInteger();

    // when
    ImapException e = catchThrowableOfType(ImapException.class,
        () -> retries.get("alice", "create x", failing(kind, 1, calls)));

    // then
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void get_accountWithoutItsOwnCount_usesTheFallback() {
    // given
    AtomicInteger calls = new AtomicInteger();

    // when
    catchThrowableOfType(ImapException.class,
        () -> retries.get("bob", "observe", failing(Kind.DROPPED, 10, calls)));

    // then
    assertThat(calls).hasValue(2);
    assertThat(pauses).containsExactly(1);
  }
}
