package dev.mailshift.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mailshift.imap.MessageMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentMatcherTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static MessageMeta meta(long uid, String id, long size, Instant date) {
    return new MessageMeta(uid, size, Set.of(), date, Optional.ofNullable(id), OptionalLong.empty());
  }

  private static List<ContentMatcher.Pair> match(List<MessageMeta> sources,
      List<MessageMeta> destinations, Map<Long, String> sourceHashes,
      Map<Long, String> destinationHashes) {
    return ContentMatcher.confirm(ContentMatcher.candidates(sources, destinations), sourceHashes,
        destinationHashes);
  }

  @Test
  void confirm_uniqueKeySameDateDifferentBodies_noPair() {
    // given: one message each side, same Message-ID, size and INTERNALDATE, different bytes
    var source = List.of(meta(1, "<a@x>", 10, T));
    var destination = List.of(meta(7, "<a@x>", 10, T));

    // when
    var pairs = match(source, destination, Map.of(1L, "h1"), Map.of(7L, "h7"));

    // then
    assertThat(pairs).isEmpty();
  }

  @Test
  void confirm_uniqueKeySameDateSameBody_pairsWithTheHash() {
    var pairs = match(List.of(meta(1, "<a@x>", 10, T)), List.of(meta(7, "<a@x>", 10, T)),
        Map.of(1L, "h"), Map.of(7L, "h"));

    assertThat(pairs).singleElement().satisfies(p -> {
      assertThat(p.destination().uid()).isEqualTo(7);
      assertThat(p.sha256()).isEqualTo("h");
    });
  }

  @Test
  void confirm_sameKeyDifferentDate_pairsOnlyWhenHashesAgree() {
    var source = List.of(meta(1, "<a@x>", 10, T));
    var destination = List.of(meta(7, "<a@x>", 10, T.plusSeconds(1)));

    var same = match(source, destination, Map.of(1L, "h"), Map.of(7L, "h"));
    var differ = match(source, destination, Map.of(1L, "h"), Map.of(7L, "other"));

    assertThat(same).hasSize(1);
    assertThat(differ).isEmpty();
  }

  @Test
  void confirm_aHashMissing_thatMessagePairsWithNothing() {
    var pairs = match(List.of(meta(1, "<a@x>", 10, T)), List.of(meta(7, "<a@x>", 10, T)),
        Map.of(), Map.of(7L, "h"));

    assertThat(pairs).isEmpty();
  }

  @Test
  void confirm_threeIdenticalSourcesTwoDestinations_pairsTwoEachDestinationOnce() {
    var sources = List.of(meta(3, null, 10, T), meta(1, null, 10, T), meta(2, null, 10, T));
    var destinations = List.of(meta(9, null, 10, T), meta(8, null, 10, T));

    var pairs = match(sources, destinations, Map.of(1L, "h", 2L, "h", 3L, "h"),
        Map.of(8L, "h", 9L, "h"));

    assertThat(pairs).extracting(p -> p.source().uid(), p -> p.destination().uid())
        .containsExactly(tuple(1L, 8L), tuple(2L, 9L));
  }

  @Test
  void candidates_keyOnOneSideOnly_neverACandidate() {
    // given: different sizes, a Message-ID only on the source, one only on the destination
    var sources = List.of(meta(1, "<a@x>", 10, T), meta(2, "<b@x>", 20, T));
    var destinations = List.of(meta(7, "<a@x>", 11, T), meta(8, "<c@x>", 20, T));

    // when
    var groups = ContentMatcher.candidates(sources, destinations);

    // then: nothing to hash at all
    assertThat(groups).isEmpty();
  }

  @Test
  void candidates_manyMessagesFewTwins_onlyTheTwinsAreCandidates() {
    // given: 100 source messages, the destination holds copies of 2 and an unrelated one
    var sources = IntStream.rangeClosed(1, 100)
        .mapToObj(i -> meta(i, "<m" + i + "@x>", 100 + i, T)).toList();
    var destinations = List.of(meta(7, "<m5@x>", 105, T), meta(8, "<m50@x>", 150, T),
        meta(9, "<other@x>", 105, T));

    // when
    var groups = ContentMatcher.candidates(sources, destinations);

    // then
    assertThat(groups).extracting(g -> g.sources().getFirst().uid(),
        g -> g.destinations().getFirst().uid()).containsExactly(tuple(5L, 7L), tuple(50L, 8L));
    assertThat(groups).allSatisfy(g -> assertThat(g.messages()).isEqualTo(2));
  }

  @Test
  void likelyMatched_threeSourcesOneDestination_countsOne() {
    var sources = List.of(meta(1, "<a@x>", 10, T), meta(2, "<a@x>", 10, T),
        meta(3, "<a@x>", 10, T));

    var likely = ContentMatcher.likelyMatched(sources, List.of(meta(7, "<a@x>", 10, T)));

    assertThat(likely).extracting(MessageMeta::uid).containsExactly(1L);
  }

  @Test
  void batches_groupsOverTheMessageCap_cutBetweenWholeGroups() {
    // given: groups of 1 source + 1 destination, and one of 600 + 1
    var pair = new ContentMatcher.Candidates(List.of(meta(1, "<a@x>", 10, T)),
        List.of(meta(2, "<a@x>", 10, T)));
    var big = new ContentMatcher.Candidates(IntStream.rangeClosed(1, 600)
        .mapToObj(i -> meta(i, null, 10, T)).toList(), List.of(meta(9, null, 10, T)));
    var groups = new java.util.ArrayList<ContentMatcher.Candidates>();
    IntStream.range(0, 300).forEach(i -> groups.add(pair));
    groups.add(big);
    IntStream.range(0, 300).forEach(i -> groups.add(pair));

    // when
    var batches = ContentAdopter.batches(groups);

    // then: 300 small groups (600 messages) + the big one cross 1000; the rest follow
    assertThat(batches).extracting(List::size).containsExactly(301, 300);
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(601);
  }

  @Test
  void batches_groupsOverTheByteCap_cutAfterTheGroupThatReachesIt() {
    long quarter = ContentAdopter.BATCH_BYTES / 4;
    var group = new ContentMatcher.Candidates(List.of(meta(1, "<a@x>", quarter, T)),
        List.of(meta(2, "<a@x>", quarter, T)));

    var batches = ContentAdopter.batches(List.of(group, group, group, group, group));

    assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
  }
}
