package io.tidemark.lab;

/**
 * Allocation-light text formatting for the hot loops: UTC timestamps in the shapes the logs use,
 * CSV, W3C and JSON field escaping. {@code String.format} is far too slow for gigabytes of lines.
 */
final class Text {
  static final String CRLF = "\r\n";
  static final char BOM = '\uFEFF';
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long DAY_MS = 86_400_000L;

  private Text() {}

  /** {@code 2021-03-03T01:12:09.394Z}, as Exchange logs write times. */
  static void appendIso(StringBuilder sb, long ms) {
    appendDate(sb, ms, '-');
    sb.append('T');
    appendClock(sb, ms);
    sb.append('.');
    pad(sb, (int) Math.floorMod(ms, 1000L), 3);
    sb.append('Z');
  }

  static String iso(long ms) {
    StringBuilder sb = new StringBuilder(24);
    appendIso(sb, ms);
    return sb.toString();
  }

  /** {@code 2021-03-03T01:12:09}, the expiry shape inside Exchange routing cookies. */
  static void appendIsoSeconds(StringBuilder sb, long ms) {
    appendDate(sb, ms, '-');
    sb.append('T');
    appendClock(sb, ms);
  }

  /** {@code 2021-03-03 01:12:09}, as IIS W3C logs and their {@code #Date} line write times. */
  static void appendW3c(StringBuilder sb, long ms) {
    appendDate(sb, ms, '-');
    sb.append(' ');
    appendClock(sb, ms);
  }

  /** {@code 2021-03-03 01:12:09.394}, Sysmon's {@code UtcTime}. */
  static void appendSysmon(StringBuilder sb, long ms) {
    appendW3c(sb, ms);
    sb.append('.');
    pad(sb, (int) Math.floorMod(ms, 1000L), 3);
  }

  /** {@code 2021-03-03T01:12:09.394123Z}, evtx_dump's {@code SystemTime} (microseconds). */
  static void appendEvtx(StringBuilder sb, long ms, int extraMicros) {
    appendDate(sb, ms, '-');
    sb.append('T');
    appendClock(sb, ms);
    sb.append('.');
    pad(sb, (int) Math.floorMod(ms, 1000L), 3);
    pad(sb, Math.floorMod(extraMicros, 1000), 3);
    sb.append('Z');
  }

  /** The date with an optional separator: {@code 2021-03-03} or, with '\0', {@code 20210303}. */
  static void appendDate(StringBuilder sb, long ms, char separator) {
    long days = Math.floorDiv(ms, DAY_MS);
    // Civil-from-days (Howard Hinnant): avoids a LocalDate per log line.
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    pad(sb, (int) year, 4);
    if (separator != '\0') {
      sb.append(separator);
    }
    pad(sb, month, 2);
    if (separator != '\0') {
      sb.append(separator);
    }
    pad(sb, day, 2);
  }

  /** {@code 01:12:09}. */
  static void appendClock(StringBuilder sb, long ms) {
    int secondOfDay = (int) (Math.floorMod(ms, DAY_MS) / 1000);
    pad(sb, secondOfDay / 3600, 2);
    sb.append(':');
    pad(sb, secondOfDay / 60 % 60, 2);
    sb.append(':');
    pad(sb, secondOfDay % 60, 2);
  }

  /** {@code 20210303}. */
  static String yyyymmdd(long ms) {
    StringBuilder sb = new StringBuilder(8);
    appendDate(sb, ms, '\0');
    return sb.toString();
  }

  /** {@code 2021030301}, the hour stamp in Exchange log file names. */
  static String yyyymmddhh(long ms) {
    StringBuilder sb = new StringBuilder(10);
    appendDate(sb, ms, '\0');
    pad(sb, (int) (Math.floorMod(ms, DAY_MS) / 3_600_000), 2);
    return sb.toString();
  }

  /** {@code 210303}, the date in IIS log file names. */
  static String yymmdd(long ms) {
    return yyyymmdd(ms).substring(2);
  }

  /** Zero-pads a non-negative value to a width of at most 4. */
  static void pad(StringBuilder sb, int value, int width) {
    if (width >= 4 && value < 1000) {
      sb.append('0');
    }
    if (width >= 3 && value < 100) {
      sb.append('0');
    }
    if (width >= 2 && value < 10) {
      sb.append('0');
    }
    sb.append(value);
  }

  static void appendHex(StringBuilder sb, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(int) (value >>> shift) & 0xf]);
    }
  }

  /** One Exchange CSV field: quoted (quotes doubled) only when it holds a comma, quote or break. */
  static void appendCsv(StringBuilder sb, String value) {
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /** One W3C field: {@code -} when empty, spaces written as {@code +} as IIS does. */
  static void appendW3cField(StringBuilder sb, String value) {
    if (value.isEmpty()) {
      sb.append('-');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(c == ' ' ? '+' : c == '\r' || c == '\n' || c == '\t' ? '+' : c);
    }
  }

  /**
   * Exchange writes commas in user agents as spaces rather than quoting them (the logged {@code
   * (KHTML  like Gecko)}); kept so lab lines look like real ones.
   */
  static String exchangeUserAgent(String ua) {
    return ua.indexOf(',') < 0 ? ua : ua.replace(',', ' ');
  }

  /** A JSON string literal, quotes included. */
  static void appendJson(StringBuilder sb, String value) {
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00");
            appendHex(sb, c, 2);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
