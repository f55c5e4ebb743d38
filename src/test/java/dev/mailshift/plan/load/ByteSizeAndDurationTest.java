package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Size and duration text. Besides the examples, a seeded generator checks the properties over
 * many values: every number with every unit parses to number times unit, and arbitrary text
 * either parses or fails with IllegalArgumentException (nothing else escapes).
 */
class ByteSizeAndDurationTest {
  static final Map<String, Long> SIZE_UNITS = Map.of("B", 1L, "KB", 1000L, "MB", 1000_000L,
      "GB", 1000_000_000L, "KiB", 1024L, "MiB", 1024L * 1024, "GiB", 1024L * 1024 * 1024);
  static final Map<String, Duration> DURATION_UNITS = Map.of("s", Duration.ofSeconds(1),
      "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

  @ParameterizedTest
  @CsvSource({"50MB, 50000000", "512KiB, 524288", "1GB, 1000000000", "1 GiB, 1073741824",
      "0B, 0", "7B, 7"})
  void parse_size_examples(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MB", "5", "5 mb", "5mb", "1.5GB", "-1MB", "5  MB", "5TB",
      "99999999999999GB", "5MB "})
  void parse_badSize_illegalArgument(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"60s, PT60S", "5m, PT5M", "2h, PT2H", "1d, PT24H", "0s, PT0S"})
  void parse_duration_examples(String text, Duration expected) {
    assertThat(DurationText.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "60", "s", "1.5h", "5 m", "5M", "1w", "-1s",
      "99999999999999999999d", "9223372036854775807d"})
  void parse_badDuration_illegalArgument(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Long> numbers() {
    Random random = new Random(20261125);
    return Stream.concat(Stream.of(0L, 1L, 999L, 1000L, 1024L),
        random.longs(60, 0, 1L << 30).boxed());
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void parse_anyNumberWithAnySizeUnit_isNumberTimesUnit(long n) {
    SIZE_UNITS.forEach((unit, factor) ->
        assertThat(ByteSize.parse(n + unit)).isEqualTo(n * factor));
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void parse_anyNumberWithAnyDurationUnit_isNumberTimesUnit(long n) {
    DURATION_UNITS.forEach((unit, one) ->
        assertThat(DurationText.parse(n + unit)).isEqualTo(one.multipliedBy(n)));
  }

  @Test
  void parse_arbitraryText_parsesOrIllegalArgumentOnly() {
    // given: random strings over the characters sizes and durations are made of
    Random random = new Random(42);
    String alphabet = "0123456789 BKMGiBsmhd.-+x";
    List<String> texts = IntStream.range(0, 5000).mapToObj(i -> {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return sb.toString();
    }).toList();

    // then
    for (String text : texts) {
      try {
        assertThat(ByteSize.parse(text)).isNotNegative();
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).contains("'" + text + "'");
      }
      try {
        assertThat(DurationText.parse(text).isNegative()).isFalse();
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).contains("'" + text + "'");
      }
    }
  }
}
