package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.imap.MessageMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ContentMatcherTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static MessageMeta meta(long uid, String id, long size, Instant date) {
    return new MessageMeta(uid, size, Set.of(), date, Optional.ofNullable(id), OptionalLong.empty());
  }

  /** Hashes from a fixed table, recording which UIDs were asked for. */
  private static Function<List<MessageMeta>, Map<Long, String>> hashes(Map<Long, String> table,
      List<Long> asked) {
    return metas -> {
      metas.forEach(m -> asked.add(m.uid()));
      return table;
    };
  }

  @Test
  void match_uniqueKeyWithSameDate_pairsWithoutHashing() {
    List<Long> asked = new ArrayList<>();

    var pairs = ContentMatcher.match(List.of(meta(1, "<a@x>", 10, T)),
        List.of(meta(7, "<a@x>", 10, T)), hashes(Map.of(), asked), hashes(Map.of(), asked));

    assertThat(pairs).singleElement().satisfies(p -> {
      assertThat(p.destination().uid()).isEqualTo(7);
      assertThat(p.sha256()).isEmpty();
    });
    assertThat(asked).isEmpty();
  }

  @Test
  void match_sameKeyDifferentDate_pairsOnlyWhenHashesAgree() {
    List<Long> asked = new ArrayList<>();

    var same = ContentMatcher.match(List.of(meta(1, "<a@x>", 10, T)),
        List.of(meta(7, "<a@x>", 10, T.plusSeconds(1))), hashes(Map.of(1L, "h"), asked),
        hashes(Map.of(7L, "h"), asked));
    var differ = ContentMatcher.match(List.of(meta(1, "<a@x>", 10, T)),
        List.of(meta(7, "<a@x>", 10, T.plusSeconds(1))), hashes(Map.of(1L, "h"), asked),
        hashes(Map.of(7L, "other"), asked));

    assertThat(same).hasSize(1);
    assertThat(differ).isEmpty();
    assertThat(asked).containsExactly(1L, 7L, 1L, 7L);
  }

  @Test
  void match_threeIdenticalSourcesTwoDestinations_pairsTwoEachDestinationOnce() {
    var sources = List.of(meta(1, null, 10, T), meta(2, null, 10, T), meta(3, null, 10, T));
    var destinations = List.of(meta(8, null, 10, T), meta(9, null, 10, T));
    List<Long> asked = new ArrayList<>();

    var pairs = ContentMatcher.match(sources, destinations,
        hashes(Map.of(1L, "h", 2L, "h", 3L, "h"), asked), hashes(Map.of(8L, "h", 9L, "h"), asked));

    assertThat(pairs).extracting(p -> p.source().uid(), p -> p.destination().uid())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 8L),
            org.assertj.core.groups.Tuple.tuple(2L, 9L));
  }

  @Test
  void match_differentSizes_neverPaired() {
    var pairs = ContentMatcher.match(List.of(meta(1, "<a@x>", 10, T)),
        List.of(meta(7, "<a@x>", 11, T)), m -> Map.of(), m -> Map.of());

    assertThat(pairs).isEmpty();
  }
}
