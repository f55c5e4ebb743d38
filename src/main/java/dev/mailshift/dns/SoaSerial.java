package dev.mailshift.dns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The next SOA serial. A serial in the common {@code YYYYMMDDnn} form moves to today's date
 * ({@code YYYYMMDD00}) when that is larger, else it counts up by one; serials wrap at 2^32 (RFC
 * 1982 serial arithmetic), which secondaries still read as "newer".
 */
final class SoaSerial {
  private static final long MAX = 0xFFFFFFFFL;

  private SoaSerial() {}

  static long next(long current, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long dated = (today.getYear() * 10000L + today.getMonthValue() * 100L + today.getDayOfMonth())
        * 100;
    if (looksDated(current) && dated > current && dated <= MAX) {
      return dated;
    }
    return (current + 1) & MAX;
  }

  private static boolean looksDated(long serial) {
    long day = serial / 100;
    long year = day / 10000;
    long month = day / 100 % 100;
    long dom = day % 100;
    return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && dom >= 1 && dom <= 31;
  }
}
