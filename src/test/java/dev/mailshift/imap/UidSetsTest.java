package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidSetsTest {
  @Test
  void of_unsortedWithRuns_isCompactAndSorted() {
    assertThat(UidSets.of(List.of(9L, 1L, 2L, 3L, 7L, 10L, 11L, 12L)))
        .containsExactly("1:3,7,9:12");
  }

  @Test
  void of_manyScatteredUids_splitsBelowLineLimit() {
    List<Long> uids = new ArrayList<>();
    for (long i = 1; i < 20_000; i += 2) {
      uids.add(i);
    }

    List<String> sets = UidSets.of(uids);

    assertThat(sets).hasSizeGreaterThan(1)
        .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(UidSets.MAX_CHARS));
    assertThat(String.join(",", sets).split(",")).hasSize(uids.size());
  }

  @Test
  void appendLimit_parsedFromCapability() {
    assertThat(ServerProbe.appendLimit(Set.of("IMAP4REV1", "APPENDLIMIT=1000")))
        .isEqualTo(OptionalLong.of(1000));
    assertThat(ServerProbe.appendLimit(Set.of("APPENDLIMIT"))).isEmpty();
  }

  @Test
  void folderStatus_stores_followsPermanentFlags() {
    FolderStatus st = new FolderStatus(1, 2, 0, OptionalLong.empty(), Set.of("\\Seen", "\\*"));

    assertThat(st.stores("\\seen")).isTrue();
    assertThat(st.stores("$Custom")).isTrue();
    assertThat(st.stores("\\Flagged")).isFalse();
    assertThat(new FolderStatus(1, 2, 0, OptionalLong.empty(), Set.of("\\Seen"))
        .stores("$Custom")).isFalse();
  }
}
