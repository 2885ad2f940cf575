package io.tidemark.lab;

import java.util.List;

/** The IIS 10 W3C extended log format with the default field set Exchange servers keep. */
final class W3cLayout {
  static final List<String> DEFAULT_FIELDS =
      List.of(
          "date", "time", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port",
          "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status", "sc-substatus",
          "sc-win32-status", "time-taken");

  private W3cLayout() {}

  /** A {@code #Software ... #Fields} block; IIS writes one at each file start and restart. */
  static String header(long dateMs, List<String> fields) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("#Software: Microsoft Internet Information Services 10.0").append(Text.CRLF)
        .append("#Version: 1.0").append(Text.CRLF)
        .append("#Date: ");
    Text.appendW3c(sb, dateMs);
    sb.append(Text.CRLF).append("#Fields: ").append(String.join(" ", fields)).append(Text.CRLF);
    return sb.toString();
  }

  static String header(long dateMs) {
    return header(dateMs, DEFAULT_FIELDS);
  }
}
