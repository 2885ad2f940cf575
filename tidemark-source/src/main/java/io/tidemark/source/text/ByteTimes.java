package io.tidemark.source.text;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The fast paths of {@link Timestamps}, on raw bytes and with the last date remembered (a log's
 * records share a handful of dates): exactly the values {@link Timestamps} returns for the forms
 * it reads without {@code java.time}, and "no" for everything else, which the caller then parses
 * in full. Mutable; one per parser.
 */
final class ByteTimes {
  private static final long NO_DAY = Long.MIN_VALUE;

  private final byte[] cachedDate = new byte[10];
  private long cachedDay = NO_DAY;
  private long second;
  private int nano;

  /** Seconds since the epoch of the last successful parse. */
  long second() {
    return second;
  }

  /** Nanoseconds of the last successful parse. */
  int nano() {
    return nano;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} exactly in {@code b[start, end)}, as parseIso reads. */
  boolean parseIso(byte[] b, int start, int end) {
    int length = end - start;
    if (length > 64 || length < 19 || b[end - 1] != 'Z' || b[start + 10] != 'T') {
      return false;
    }
    long day = epochDay(b, start);
    return day != NO_DAY && timeOfDay(b, start + 11, end - 1, day);
  }

  /** W3C {@code date} and {@code time}, as parseW3c reads them. */
  boolean parseW3c(byte[] b, int dateStart, int dateEnd, int timeStart, int timeEnd) {
    if (dateEnd - dateStart != 10 || timeEnd - timeStart < 8 || timeEnd - timeStart > 18) {
      return false;
    }
    long day = epochDay(b, dateStart);
    return day != NO_DAY && timeOfDay(b, timeStart, timeEnd, day);
  }

  private long epochDay(byte[] b, int at) {
    if (cachedDay != NO_DAY && java.util.Arrays.equals(b, at, at + 10, cachedDate, 0, 10)) {
      return cachedDay;
    }
    if (b[at + 4] != '-' || b[at + 7] != '-') {
      return NO_DAY;
    }
    int year = digits(b, at, 4);
    int month = digits(b, at + 5, 2);
    int dayOfMonth = digits(b, at + 8, 2);
    if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
      return NO_DAY;
    }
    long day;
    try {
      day = LocalDate.of(year, month, dayOfMonth).toEpochDay();
    } catch (DateTimeException e) {
      return NO_DAY;
    }
    System.arraycopy(b, at, cachedDate, 0, 10);
    cachedDay = day;
    return day;
  }

  private boolean timeOfDay(byte[] b, int at, int end, long epochDay) {
    if (end - at < 8 || b[at + 2] != ':' || b[at + 5] != ':') {
      return false;
    }
    int hour = digits(b, at, 2);
    int minute = digits(b, at + 3, 2);
    int sec = digits(b, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 60) {
      return false;
    }
    int nanos = 0;
    int dot = at + 8;
    if (dot < end) {
      int fractionDigits = end - dot - 1;
      if (b[dot] != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return false;
      }
      nanos = digits(b, dot + 1, fractionDigits);
      if (nanos < 0) {
        return false;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    second = epochDay * 86_400L + hour * 3_600L + minute * 60L + Math.min(sec, 59);
    nano = nanos;
    return true;
  }

  private static int digits(byte[] b, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      value = value * 10 + c;
    }
    return value;
  }
}
