package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameServerTest {
  @ParameterizedTest
  @CsvSource({
      "192.0.2.53, 192.0.2.53:53",
      "192.0.2.53:5353, 192.0.2.53:5353",
      "'[2001:db8::53]:5353', '[2001:db8:0:0:0:0:0:53]:5353'",
      "2001:db8::53, '[2001:db8:0:0:0:0:0:53]:53'"})
  void parse_override_labelledByAddressAndPort(String text, String label) {
    assertThat(NameServer.parse(text).label()).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({"192.0.2.53:0", "192.0.2.53:x", "'[2001:db8::53'"})
  void parse_badOverride_saysWhich(String text) {
    assertThatThrownBy(() -> NameServer.parse(text)).hasMessageContaining(text);
  }
}
