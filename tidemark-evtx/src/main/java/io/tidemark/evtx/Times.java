package io.tidemark.evtx;

import java.time.Instant;

/** FILETIME and SYSTEMTIME conversions and their ISO-8601 texts, without java.time formatters. */
final class Times {
  /** Seconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
  private static final long EPOCH_DIFFERENCE = 11_644_473_600L;
  private static final long TICKS_PER_SECOND = 10_000_000L;

  private Times() {}

  /** The instant of a FILETIME, a count of 100 ns ticks since 1601 read as unsigned. */
  static Instant fromFiletime(long filetime) {
    long seconds = Long.divideUnsigned(filetime, TICKS_PER_SECOND) - EPOCH_DIFFERENCE;
    long ticks = Long.remainderUnsigned(filetime, TICKS_PER_SECOND);
    return Instant.ofEpochSecond(seconds, ticks * 100);
  }

  /**
   * Appends a FILETIME as {@code yyyy-MM-ddTHH:mm:ss.f…Z} with {@code digits} fractional digits
   * (truncated, not rounded, as every EVTX tool does): 6 gives evtx_dump's text, 7 every tick.
   */
  static void appendFiletime(StringBuilder out, long filetime, int digits) {
    long seconds = Long.divideUnsigned(filetime, TICKS_PER_SECOND) - EPOCH_DIFFERENCE;
    long ticks = Long.remainderUnsigned(filetime, TICKS_PER_SECOND);
    appendDateTime(out, seconds);
    appendFraction(out, ticks, 7, digits);
    out.append('Z');
  }

  /** Appends {@code yyyy-MM-ddTHH:mm:ss} (UTC) for seconds since 1970. */
  static void appendDateTime(StringBuilder out, long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    // Civil-from-days (H. Hinnant): proleptic Gregorian, valid far beyond FILETIME's range.
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    appendDateTime(out, year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60,
        secondOfDay % 60);
  }

  /** Appends {@code yyyy-MM-ddTHH:mm:ss} from its parts. */
  static void appendDateTime(
      StringBuilder out, long year, int month, int day, int hour, int minute, int second) {
    if (year >= 0 && year < 1000) {
      pad(out, year, 4);
    } else {
      out.append(year);
    }
    out.append('-');
    pad(out, month, 2);
    out.append('-');
    pad(out, day, 2);
    out.append('T');
    pad(out, hour, 2);
    out.append(':');
    pad(out, minute, 2);
    out.append(':');
    pad(out, second, 2);
  }

  /**
   * Appends {@code .} and the first {@code digits} digits of a fraction given as {@code value}
   * units of 10^-{@code scale} seconds; nothing when {@code digits} is 0.
   */
  static void appendFraction(StringBuilder out, long value, int scale, int digits) {
    if (digits <= 0) {
      return;
    }
    out.append('.');
    long v = value;
    for (int i = scale; i > digits; i--) {
      v /= 10;
    }
    for (int i = scale; i < digits; i++) {
      v *= 10;
    }
    pad(out, v, digits);
  }

  private static void pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
