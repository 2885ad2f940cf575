package io.tidemark.sigma.compile;

import io.tidemark.sigma.value.TimePart;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Reads a component of a date-time value as the Sigma time modifiers need: no time-zone or
 * format conversion (the specification says so), just {@code YYYY-MM-DD} (or {@code /}) and an
 * optional {@code [T ]HH:MM} as written.
 */
final class TimeParts {
  private TimeParts() {}

  /** The component, or -1 when the value is not such a date-time. */
  static long extract(String value, TimePart part) {
    String v = value.strip();
    if (v.length() < 10 || !digits(v, 0, 4) || !sep(v.charAt(4)) || !digits(v, 5, 2)
        || v.charAt(7) != v.charAt(4) || !digits(v, 8, 2)) {
      return -1;
    }
    int year = Integer.parseInt(v, 0, 4, 10);
    int month = Integer.parseInt(v, 5, 7, 10);
    int day = Integer.parseInt(v, 8, 10, 10);
    switch (part) {
      case YEAR:
        return year;
      case MONTH:
        return month;
      case DAY:
        return day;
      case WEEK:
        try {
          return LocalDate.of(year, month, day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        } catch (DateTimeException e) {
          return -1;
        }
      default:
        break;
    }
    if (v.length() < 16 || (v.charAt(10) != 'T' && v.charAt(10) != ' ') || !digits(v, 11, 2)
        || v.charAt(13) != ':' || !digits(v, 14, 2)) {
      return -1;
    }
    return part == TimePart.HOUR ? Integer.parseInt(v, 11, 13, 10) : Integer.parseInt(v, 14, 16, 10);
  }

  private static boolean sep(char c) {
    return c == '-' || c == '/';
  }

  private static boolean digits(String v, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
