package io.tidemark.source.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the time formats the text logs use, without regular expressions and without cutting
 * substrings on the fast path: the fixed ISO form Exchange writes ({@code
 * 2021-03-03T01:12:09.394Z}), other ISO forms through {@code java.time}, and W3C's separate
 * {@code date} and {@code time} in UTC.
 */
final class Timestamps {
  /** Longer values are not times; never hand an attacker's megabyte to a parser. */
  private static final int MAX_LENGTH = 64;

  private Timestamps() {}

  /** An ISO-8601 date-time in {@code text[start, end)}; without an offset, UTC. Else null. */
  static @Nullable Instant parseIso(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_LENGTH || length < 19) {
      return null;
    }
    if (text.charAt(end - 1) == 'Z' && text.charAt(start + 10) == 'T') {
      long day = epochDay(text, start);
      if (day != Long.MIN_VALUE) {
        Instant fast = timeOfDay(text, start + 11, end - 1, day);
        if (fast != null) {
          return fast;
        }
      }
    }
    String value = text.substring(start, end);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // fall through: maybe there is no offset
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** W3C {@code date} ({@code 2021-03-03}) and {@code time} ({@code 01:12:09}), in UTC. */
  static @Nullable Instant parseW3c(
      String text, int dateStart, int dateEnd, int timeStart, int timeEnd) {
    if (dateEnd - dateStart != 10 || timeEnd - timeStart < 8 || timeEnd - timeStart > 18) {
      return null;
    }
    long day = epochDay(text, dateStart);
    return day == Long.MIN_VALUE ? null : timeOfDay(text, timeStart, timeEnd, day);
  }

  /** Days since 1970-01-01 of {@code yyyy-MM-dd} at {@code at}, or Long.MIN_VALUE. */
  private static long epochDay(String text, int at) {
    if (text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-') {
      return Long.MIN_VALUE;
    }
    int year = digits(text, at, 4);
    int month = digits(text, at + 5, 2);
    int dayOfMonth = digits(text, at + 8, 2);
    if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
      return Long.MIN_VALUE;
    }
    try {
      return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    } catch (DateTimeException e) {
      return Long.MIN_VALUE; // 31 February and the like
    }
  }

  /** {@code HH:mm:ss[.f{1,9}]} exactly in {@code text[at, end)}, on an epoch day; else null. */
  private static @Nullable Instant timeOfDay(String text, int at, int end, long epochDay) {
    if (end - at < 8 || text.charAt(at + 2) != ':' || text.charAt(at + 5) != ':') {
      return null;
    }
    int hour = digits(text, at, 2);
    int minute = digits(text, at + 3, 2);
    int second = digits(text, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return null;
    }
    int nanos = 0;
    int dot = at + 8;
    if (dot < end) {
      int fractionDigits = end - dot - 1;
      if (text.charAt(dot) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      nanos = digits(text, dot + 1, fractionDigits);
      if (nanos < 0) {
        return null;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    // A leap second (:60) is folded into :59, as java.time does.
    long seconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + Math.min(second, 59);
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The decimal value of {@code count} ASCII digits at {@code at}, or -1. */
  private static int digits(String text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
