package dev.mailshift.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.angus.mail.iap.Response;
import org.junit.jupiter.api.Test;

/** APPENDUID of a MULTIAPPEND (RFC 4315 section 3: a uid-set) read into the messages' UIDs. */
class AppenderTest {
  @Test
  void appendUids_rangeAndSingles_ascendingList() {
    Response ok = new Response("A4 OK [APPENDUID 1795646680 9,3:5] Append completed.");

    assertThat(Appender.appendUids(ok, 4)).containsExactly(3L, 4L, 5L, 9L);
  }

  @Test
  void appendUids_moreUidsThanMessages_empty() {
    Response ok = new Response("A4 OK [APPENDUID 7 1:4294967295] Append completed.");

    assertThat(Appender.appendUids(ok, 50)).isEmpty();
  }

  @Test
  void appendUids_noResponseCode_empty() {
    Response ok = new Response("A4 OK Append completed.");

    assertThat(Appender.appendUids(ok, 2)).isEmpty();
  }
}
